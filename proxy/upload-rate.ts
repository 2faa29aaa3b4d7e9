/**
 * Cuts off an upload that crawls: once a request's headers are in, its body must keep arriving at
 * `BANANA_MIN_UPLOAD_KBPS` (1 kB/s) or more over every `BANANA_UPLOAD_WINDOW_S` (30 s) window, or its connection
 * is closed. It runs on the Node server, before any route, so it holds whether the request is authenticated or
 * not, and it counts the socket's bytes without reading the body itself. A big image on a slow but honest link
 * (anything above the floor) gets through however long it takes; 300 connections that each send a byte a second
 * are gone after one window. A window in which the proxy itself was not reading (its buffer full) never counts
 * against the client. Slow headers are Node's `headersTimeout` (see `server.ts`).
 */
import type { IncomingMessage } from 'node:http';

export interface UploadRate {
  minUploadBytesPerSecond: number;
  uploadWindowMs: number;
}

export function watchUploadRate(request: IncomingMessage, rate: UploadRate): void {
  if (rate.minUploadBytesPerSecond <= 0 || request.complete) return;
  const socket = request.socket;
  const floor = (rate.minUploadBytesPerSecond * rate.uploadWindowMs) / 1000;
  let before = socket.bytesRead;
  const timer = setInterval(() => {
    if (request.complete || socket.destroyed) return clearInterval(timer);
    const arrived = socket.bytesRead - before;
    before = socket.bytesRead;
    const proxyBehind = request.readableLength >= request.readableHighWaterMark;
    if (arrived < floor && !proxyBehind) {
      clearInterval(timer);
      socket.destroy();
    }
  }, rate.uploadWindowMs);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  request.once('end', stop);
  request.once('close', stop);
}
