/**
 * The proxy as a Hono app, built from its dependencies so tests can call it in-process with `app.request()`.
 * Middleware runs in a fixed order: request id and log line, CORS (the Figma iframe's origin is `null`, so only
 * `*` works: docs/figma-platform.md#the-panels-origin-is-null), body limit, then the routes; every error goes through `onError` into one envelope.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { randomUUID } from 'node:crypto';
import { inlineImageMaxBytes } from '../core/input-limits.js';
import type { HealthResponse } from '../core/proxy-schema.js';
import { utcDayStart, utcMonthStart } from '../core/usage-periods.js';
import { usageSummary } from '../core/usage-summary.js';
import { adminPage } from './admin/admin-page.js';
import type { AppContext, ProxyAppDeps } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { createAuthThrottle } from './auth-throttle.js';
import { createBodyBudget } from './body-budget.js';
import { budgetedBody, declaredLengthLimit } from './budgeted-body.js';
import { systemClock } from './clock.js';
import { createFairQueue } from './fair-queue.js';
import { createFaultCounts } from './fault-counts.js';
import { scrub } from './gemini-errors.js';
import { everyModelAvailable } from './model-availability.js';
import { ProxyError } from './proxy-error.js';
import { adminApi } from './routes/admin-api.js';
import { bearerToken } from './routes/bearer-token.js';
import { allowOnly } from './routes/method-not-allowed.js';
import { BATCH_ROUTES, mountBatchRoutes } from './routes/batches.js';
import { generateHandler } from './routes/generate.js';
import { segmentHandler } from './routes/segment.js';
import { publicSegmentation } from '../core/segmentation-model.js';
import { publicModels } from './routes/models.js';
import { playgroundRoutes } from './routes/playground.js';
import { throttleTokenCheck } from './routes/throttle-token-check.js';
import { reservationTtlMs } from './reservation-ttl.js';
import { storeReady } from './store-ready.js';
import { toProxyError } from './to-proxy-error.js';
import { StoreUnavailableError } from './store/store.js';

/** The app's own paths and their methods: any other method on one is 405 with `Allow`, not 404. */
const KNOWN_ROUTES: readonly [string, readonly string[]][] = [
  ['/health', ['GET']],
  ['/health/ready', ['GET']],
  ['/v1/models', ['GET']],
  ['/v1/generate', ['POST']],
  ['/v1/segment', ['POST']],
  ['/v1/usage/me', ['GET']],
  ...BATCH_ROUTES,
];

/** Largest admin API body: a token name and three numbers. */
const MAX_ADMIN_BODY_BYTES = 16 * 1024;

export function createApp(deps: ProxyAppDeps): Hono<AppEnv> {
  const ctx = appContext(deps);
  const app = new Hono<AppEnv>();

  app.use('*', requestLog(deps.log));

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );

  // By Content-Length, before a byte is read; a chunked body is counted as it arrives, after the token check
  // (`budgeted-body.ts`), so nobody can make the proxy buffer a body before it knows whose it is.
  app.use('/v1/*', declaredLengthLimit(ctx));
  app.use(
    '/admin/api/*',
    bodyLimit({
      maxSize: MAX_ADMIN_BODY_BYTES,
      onError: () => {
        throw new ProxyError('request_too_large');
      },
    }),
  );

  app.get('/health', (c) => {
    const body: HealthResponse = { status: 'ok', mode: deps.config.backend.kind, version: deps.config.version };
    return c.json(body);
  });

  // Readiness for a load balancer: this instance can reach its database. `/health` stays a liveness check that
  // never touches it, so a database outage takes instances out of rotation without restarting them.
  app.get('/health/ready', async (c) => {
    await storeReady(ctx.store);
    return c.json({ status: 'ok', store: ctx.store.kind, faults: ctx.faults });
  });

  app.get('/v1/models', (c) =>
    c.json({
      ...publicModels(deps.registry, ctx.availability.unreachable()),
      inlineImageMaxBytes: inlineImageMaxBytes(deps.config.backend.kind),
      // Left out when the key cannot reach it: the panel then cuts out with two renders (docs/image-tools.md).
      ...(deps.registry.segmentation && !ctx.availability.unreachable().has(deps.registry.segmentation.id)
        ? { segmentation: publicSegmentation(deps.registry.segmentation) }
        : {}),
    }),
  );
  app.post('/v1/generate', requireTeamToken(ctx), budgetedBody(ctx), generateHandler(ctx));
  app.post('/v1/segment', requireTeamToken(ctx), budgetedBody(ctx), segmentHandler(ctx));
  app.get('/v1/usage/me', requireTeamToken(ctx), usageMe(ctx));
  mountBatchRoutes(app, ctx, requireTeamToken(ctx));

  for (const [path, methods] of KNOWN_ROUTES) allowOnly(app, path, methods);

  app.route('/admin/api', adminApi(ctx));
  app.get('/admin', (c) => adminPage(c));
  app.get('/admin/', (c) => c.redirect('/admin', 308));

  app.route('/playground', playgroundRoutes(ctx));
  app.get('/', (c) => c.redirect('/playground', 302));

  app.notFound(() => {
    throw new ProxyError('not_found', 'There is nothing at this address. Check the proxy URL in Settings.');
  });

  app.onError((error, c) => errorResponse(error, c, deps.config.secrets));
  return app;
}

/** Gives each request its id (`X-Request-Id`) and, once answered, its one log line. */
function requestLog(log: ProxyAppDeps['log']) {
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('logFields', {});
    await next();
    c.header('X-Request-Id', requestId);
    log?.({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...c.get('logFields'),
    });
  };
}

/** `GET /v1/usage/me`: the person's own use today and this month, against their limits. */
function usageMe(ctx: AppContext) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const owner = c.get('owner');
    const now = ctx.clock.now();
    const [day, month] = await Promise.all([
      ctx.store.usageTotals(owner.id, utcDayStart(now)),
      ctx.store.usageTotals(owner.id, utcMonthStart(now)),
    ]);
    return c.json(usageSummary({ token: { id: owner.id, name: owner.name }, limits: owner.limits, day, month, now }));
  };
}

/** The dependencies with their defaults filled in, and the per-instance state the routes share. */
function appContext(deps: ProxyAppDeps): AppContext {
  return {
    ...deps,
    clock: deps.clock ?? systemClock,
    queue:
      deps.queue ??
      createFairQueue({
        maxConcurrent: deps.config.maxConcurrent,
        maxWaiting: deps.config.maxQueue,
        maxWaitingPerKey: deps.config.maxQueuePerPerson,
        maxWaitMs: deps.config.maxQueueWaitMs,
      }),
    authThrottle: createAuthThrottle({
      perClient: deps.config.authFailuresPerClient,
      global: deps.config.authFailuresGlobal,
    }),
    // Its own budget: team-token guessing behind an office NAT must not lock the admin out, nor the reverse.
    adminThrottle: createAuthThrottle({
      perClient: deps.config.authFailuresPerClient,
      global: deps.config.authFailuresGlobal,
    }),
    reservationTtlMs: reservationTtlMs(deps.registry, deps.config),
    availability: deps.availability ?? everyModelAvailable(deps.registry),
    faults: createFaultCounts(),
    bodyBudget: createBodyBudget({
      total: Math.max(deps.config.maxBufferedBytes, deps.config.maxBodyBytes),
      perKey: Math.max(deps.config.maxBufferedPerPersonBytes, deps.config.maxBodyBytes),
    }),
  };
}

/**
 * Accepts `Authorization: Bearer <team token>` and remembers whose it is (looked up afresh on every request).
 * An address that has tried too many wrong tokens is refused before its token is looked at (`auth-throttle.ts`).
 */
function requireTeamToken(ctx: AppContext) {
  return async (c: Context<AppEnv>, next: () => Promise<void>): Promise<void> => {
    const token = bearerToken(c);
    if (!token) {
      throw new ProxyError(
        'unauthorized',
        'No team token was sent. Paste your team token in Settings; your admin can give you one.',
      );
    }
    const client = throttleTokenCheck(ctx, c, token);
    const owner = await ctx.store.verifyToken(token, ctx.clock.now());
    if (!owner) {
      ctx.authThrottle.failed(client, ctx.clock.now());
      throw new ProxyError(
        'unauthorized',
        'This team token is not valid (mistyped, or revoked). Check it in Settings, or ask your admin for a new one.',
      );
    }
    ctx.authThrottle.succeeded(client, ctx.clock.now());
    c.set('owner', owner);
    c.set('logFields', { ...c.get('logFields'), tokenName: owner.name });
    await next();
  };
}

/** The one error funnel: every error answers in the envelope (`to-proxy-error.ts`); the unexpected are logged. */
function errorResponse(error: unknown, c: Context<AppEnv>, secrets: readonly string[]): Response {
  const proxyError = toProxyError(error, c.get('requestId'));
  if (error instanceof StoreUnavailableError) {
    console.error(`[${c.get('requestId')}] database unavailable: ${scrub(error.message, secrets)}`);
  } else if (proxyError.code === 'internal_error' && !(error instanceof ProxyError)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[${c.get('requestId')}] unexpected error: ${scrub(detail, secrets)}`);
  }
  c.set('logFields', { ...c.get('logFields'), outcome: proxyError.code });
  return c.json(proxyError.toJSON(), proxyError.status as 400, proxyError.headers);
}
