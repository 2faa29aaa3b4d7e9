/**
 * `405 method_not_allowed` with `Allow` for a known path asked with the wrong method (RFC 9110, section 15.5.6 requires
 * the header), instead of a 404 that says the address does not exist. Registered after a path's real routes, so
 * only the methods they do not take reach it; HEAD is answered wherever GET is (Hono runs the GET route for it).
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ProxyError } from '../proxy-error.js';

export function allowOnly(app: Hono<AppEnv>, path: string, methods: readonly string[]): void {
  const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods];
  app.all(path, (c) => {
    throw new ProxyError(
      'method_not_allowed',
      `This address takes ${allowed.join(', ')}, not ${c.req.method}. Check the proxy URL and the request.`,
      { headers: { Allow: allowed.join(', ') } },
    );
  });
}
