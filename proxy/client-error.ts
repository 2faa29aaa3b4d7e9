/**
 * Requests Node refuses before the app sees them (malformed HTTP, headers over Node's 16 KB limit, headers that
 * never finish arriving) still get the proxy's error envelope, not Node's bare `400 Bad Request`. Node hands such
 * a socket to the server's `clientError` listener and leaves answering and closing it to the listener
 * (nodejs.org/api/http.html#event-clienterror); a socket that is gone or already answering is left alone.
 */
import type { Duplex } from 'node:stream';

interface Refusal {
  status: number;
  reason: string;
  code: 'bad_request' | 'request_too_large';
  message: string;
}

function refusalFor(code: string | undefined): Refusal {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: 'request_too_large',
      message: 'The request headers are too large. Check the proxy URL and token in Settings, then try again.',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      reason: 'Request Timeout',
      code: 'bad_request',
      message: 'The request took too long to arrive. Check your connection and try again.',
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    code: 'bad_request',
    message: 'The request is not valid HTTP. Use the Banana Studio plugin, or an HTTP client, to call the proxy.',
  };
}

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = refusalFor(error.code);
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  socket.end(
    `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
