/**
 * The proxy's HTTP server: Node's own timeouts set for long answers and kept-alive balancers, slow uploads cut off
 * by their rate, Node's own refusals in the proxy's error envelope, and a close that lets requests in flight finish.
 */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { AppEnv } from './app-env.js';
import { answerClientError } from './client-error.js';
import type { ProxyConfig } from './proxy-config.js';
import { watchUploadRate } from './upload-rate.js';

/** Idle keep-alive connections are kept this long (longer than a load balancer's usual 60 s). */
const KEEP_ALIVE_MS = 65_000;

export interface ListeningServer {
  /** The port it listens on (the one picked when `config.port` is 0). */
  port: number;
  /** Stops accepting at once; requests in flight get `drainMs` to finish (and settle their usage rows). */
  close(drainMs: number): Promise<void>;
}

export async function listen(app: Hono<AppEnv>, config: ProxyConfig): Promise<ListeningServer> {
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  // 4K answers can take minutes: let Node's own request timeout out of the way; the proxy times out per model.
  if ('requestTimeout' in server) server.requestTimeout = 0;
  // Instead, a body that crawls is cut off by its rate, authenticated or not (`upload-rate.ts`).
  server.on('request', (request: IncomingMessage) => watchUploadRate(request, config));
  // Node's own refusals (bad HTTP, 431, slow headers) in the proxy's error envelope (`client-error.ts`).
  server.on('clientError', answerClientError);
  // Keep idle connections longer than a load balancer's idle timeout (60 s on most): otherwise the proxy may close
  // a kept-alive connection just as the balancer (or any client) sends the next request on it, which fails that
  // request with a reset instead of an answer.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : config.port,
    close: (drainMs) =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        const cut = (): void => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        };
        if (drainMs > 0) setTimeout(cut, drainMs).unref();
        else cut();
      }),
  };
}
