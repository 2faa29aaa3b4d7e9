/**
 * The proxy as a Hono app, built from its dependencies so tests can call it in-process with `app.request()`.
 * Middleware runs in a fixed order: request id and log line, CORS (the Figma iframe's origin is `null`, so only
 * `*` works: figma-api.md §0.1), body limit, then the routes; every error goes through `onError` into one envelope.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { randomUUID } from 'node:crypto';
import type { HealthResponse } from '../core/proxy-schema.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { scrub } from './gemini-errors.js';
import { ProxyError } from './proxy-error.js';
import { generateHandler } from './routes/generate.js';
import { publicModels } from './routes/models.js';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const models = publicModels(deps.registry);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('logFields', {});
    await next();
    c.header('X-Request-Id', requestId);
    deps.log?.({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...c.get('logFields'),
    });
  });

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: () => {
        throw new ProxyError(
          'request_too_large',
          `The request is larger than ${Math.round(deps.config.maxBodyBytes / 1048576)} MB. Use a smaller frame, a lower export scale or fewer reference images.`,
        );
      },
    }),
  );

  app.get('/health', (c) => {
    const body: HealthResponse = { status: 'ok', mode: deps.config.mode, version: deps.config.version };
    return c.json(body);
  });

  app.get('/v1/models', (c) => c.json(models));

  app.post('/v1/generate', requireTeamToken(deps), generateHandler(deps));

  app.notFound(() => {
    throw new ProxyError('not_found', 'There is nothing at this address. Check the proxy URL in Settings.');
  });

  app.onError((error, c) => errorResponse(error, c, deps.config.secrets));
  return app;
}

/** Accepts `Authorization: Bearer <team token>` and remembers whose it is. */
function requireTeamToken(deps: AppDeps) {
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new ProxyError(
        'unauthorized',
        'No team token was sent. Paste your team token in Settings; your admin can give you one.',
      );
    }
    const owner = await deps.tokens.verify(match[1]);
    if (!owner) {
      throw new ProxyError(
        'unauthorized',
        'This team token is not valid (mistyped, or revoked). Check it in Settings, or ask your admin for a new one.',
      );
    }
    c.set('owner', owner);
    c.set('logFields', { ...c.get('logFields'), tokenName: owner.name });
    await next();
  };
}

function errorResponse(error: unknown, c: Context<AppEnv>, secrets: readonly string[]): Response {
  let proxyError: ProxyError;
  if (error instanceof ProxyError) proxyError = error;
  else if (error instanceof HTTPException) {
    proxyError = new ProxyError(error.status === 413 ? 'request_too_large' : 'bad_request', undefined, {
      status: error.status,
    });
  } else {
    // Unexpected: report the request id so an admin can find the log line, and never the error text itself.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[${c.get('requestId')}] unexpected error: ${scrub(detail, secrets)}`);
    proxyError = new ProxyError(
      'internal_error',
      `Something went wrong inside the proxy (request ${c.get('requestId')}). Try again; if it keeps happening, tell your admin.`,
    );
  }
  c.set('logFields', { ...c.get('logFields'), outcome: proxyError.code });
  return c.json(proxyError.toJSON(), proxyError.status as 400, proxyError.headers);
}
