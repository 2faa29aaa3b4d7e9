/**
 * Reading requests and writing Google-shaped answers on node:http. Unary errors are JSON; errors on an
 * `alt=sse` call are the same JSON text under a non-JSON content type, which is why the SDK wraps them as
 * `{"error":{"message":"<raw body>",…}}` (docs/gemini-platform.md#sdk-errors).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GoogleErrorBody } from './errors.js';

export const JSON_TYPE = 'application/json; charset=UTF-8';
export const SSE_TYPE = 'text/event-stream';

/** The body as bytes, or null once more than `limit` bytes have arrived (the rest is read and dropped). */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

/** Writes a whole JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': bytes.length });
  response.end(bytes);
}

/** Writes an error as Google does: pretty-printed JSON, with a non-JSON type on stream calls. */
export function sendError(response: ServerResponse, body: GoogleErrorBody, stream: boolean): void {
  const bytes = Buffer.from(`${JSON.stringify(body, null, 2)}\n`);
  response.writeHead(body.error.code, {
    'content-type': stream ? SSE_TYPE : JSON_TYPE,
    'content-length': bytes.length,
  });
  response.end(bytes);
}

/** One SSE event, delimited the way Google does it. */
export function sseEvent(body: unknown): string {
  return `data: ${JSON.stringify(body)}\r\n\r\n`;
}

/** Writes half of a body, then destroys the socket: the connection dies mid-answer. */
export function sendTruncated(response: ServerResponse, status: number, contentType: string, text: string): void {
  const bytes = Buffer.from(text);
  response.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.socket?.destroy());
}

/** Resolves `'elapsed'` after `ms`, or `'closed'` as soon as the client goes away. */
export function waitOrClose(response: ServerResponse, ms: number): Promise<'elapsed' | 'closed'> {
  if (response.destroyed || response.socket?.destroyed) return Promise.resolve('closed');
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve('closed');
    };
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          response.off('close', onClose);
          resolve('elapsed');
        }, ms)
      : undefined;
    response.once('close', onClose);
  });
}
