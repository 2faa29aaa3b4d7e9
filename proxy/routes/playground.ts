/**
 * `/playground`: the built playground (`dist/playground/`) as static files, and `/playground/config.json`, which
 * tells the page where the proxy is and, in offline mode only, the dev token to use. With real credentials no
 * token is ever handed out: a page anyone on the network can open must not carry a key to the team's budget.
 */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { ProxyError } from '../proxy-error.js';
import { contentTypeOf, readFileOrNull, resolveInside } from './static-files.js';

/** The playground's page, its files and its `config.json`. */
export function playgroundRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/config.json', (c) => {
    const offline = ctx.config.backend.kind === 'offline';
    // Never readable by another site's script: no CORS grant here, whatever the rest of the proxy allows.
    c.header('Access-Control-Allow-Origin', undefined);
    if (offline && !ownPage(c.req.raw)) {
      throw new ProxyError(
        'forbidden',
        'The playground’s settings (with the dev token) are only given to the playground itself. Open the playground at this proxy’s address on this machine (http://localhost:<port>/playground).',
      );
    }
    return c.json({ proxyUrl: new URL(c.req.url).origin, devToken: offline ? ctx.config.devToken : null });
  });

  routes.get('/*', async (c) => {
    const root = ctx.config.playgroundDir;
    const rest = c.req.path.replace(/^\/playground\/?/, '');
    const file = root ? resolveInside(root, rest === '' ? 'index.html' : rest) : null;
    const body = file ? await readFileOrNull(file) : null;
    if (!body) {
      if (!root || rest === '' || rest === 'index.html') {
        throw new ProxyError(
          'not_found',
          'The playground has not been built yet. Run "npm run build" (or "npm start", which builds first), then reload.',
        );
      }
      throw new ProxyError('not_found', `There is no file "${rest}" in the playground.`);
    }
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': contentTypeOf(file!),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return routes;
}

/**
 * True when the request comes from the playground page itself: asked for by a loopback name (so a DNS-rebound
 * domain pointing at 127.0.0.1 does not count), and sent by no other origin (`Origin`, when a browser sends it,
 * is this proxy's; `Sec-Fetch-Site`, when sent, says same-origin or a typed address).
 */
function ownPage(request: Request): boolean {
  const url = new URL(request.url);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return false;
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin) return false;
  const site = request.headers.get('sec-fetch-site');
  return site === null || site === 'same-origin' || site === 'none';
}
