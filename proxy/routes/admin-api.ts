/**
 * `/admin/api/*`: the admin CLI's operations over HTTP, as JSON, behind `Authorization: Bearer
 * $BANANA_ADMIN_TOKEN` (`require-admin.ts`). Team tokens are refused here even when valid: a designer's token must
 * never manage tokens or read the team's usage.
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { describeIssue } from '../../core/proxy-schema.js';
import { DAY_MS, utcDayStart } from '../../core/usage-periods.js';
import { projectMonth, projectionSince } from '../../core/month-projection.js';
import { buildUsageReport, reportDays } from '../../core/usage-report.js';
import { tokenJson } from '../admin/token-json.js';
import { createTokenSchema, limitsFrom, limitsPatchSchema } from '../admin/token-limits.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { ProxyError } from '../proxy-error.js';
import { allowOnly } from './method-not-allowed.js';
import { requireAdmin } from './require-admin.js';

/** Days the usage report covers unless `?days=` says otherwise. */
export const DEFAULT_REPORT_DAYS = 30;
const MAX_REPORT_DAYS = 366;

/** The admin routes: tokens (list, create, change limits, revoke), the usage report and the models. */
export function adminApi(ctx: AppContext): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', requireAdmin(ctx));

  api.get('/tokens', async (c) => {
    const tokens = await ctx.store.listTokens({ includeRevoked: c.req.query('all') === '1' });
    return c.json({ tokens: tokens.map(tokenJson) });
  });

  api.post('/tokens', async (c) => {
    const body = await readJson(c, createTokenSchema);
    const created = await ctx.store.createToken({
      name: body.name,
      limits: { dailyImages: null, monthlyUsd: null, rpm: null, ...limitsFrom(body) },
      now: ctx.clock.now(),
    });
    if (!created.ok) throw new ProxyError(created.error.code, created.error.message, { status: 409 });
    return c.json({ token: created.value.token, ...tokenJson(created.value.record) }, 201);
  });

  api.post('/tokens/:id/revoke', async (c) => {
    const record = await ctx.store.revokeToken(c.req.param('id'), ctx.clock.now());
    return c.json(tokenJson(record ?? notFound(c.req.param('id'))));
  });

  api.patch('/tokens/:id', async (c) => {
    const patch = await readJson(c, limitsPatchSchema);
    const record = await ctx.store.setLimits(c.req.param('id'), limitsFrom(patch));
    return c.json(tokenJson(record ?? notFound(c.req.param('id'))));
  });

  api.get('/usage', async (c) => {
    const days = Number(c.req.query('days') ?? DEFAULT_REPORT_DAYS);
    if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS) {
      throw new ProxyError('bad_request', `days must be a whole number from 1 to ${MAX_REPORT_DAYS}.`);
    }
    const now = ctx.clock.now();
    // The month's projection may need days before the report's first (the 1st of a long month, the last 7 days).
    const since = Math.min(utcDayStart(now) - (days - 1) * DAY_MS, projectionSince(now));
    const [groups, cache] = await Promise.all([ctx.store.usageGroups(since), ctx.store.cacheStats()]);
    const report = buildUsageReport(groups, reportDays(now, days));
    return c.json({
      ...report,
      projection: projectMonth(groups, now),
      generatedAt: new Date(now).toISOString(),
      cache: { ...report.cache, ...cache, capBytes: ctx.config.cacheBytes },
    });
  });

  // Which configured models this key can reach, from the last start-up or hourly check (model-availability.ts).
  api.get('/models', (c) => {
    const report = ctx.availability.report();
    return c.json({
      ...report,
      checkedAt: report.checkedAt === null ? null : new Date(report.checkedAt).toISOString(),
    });
  });

  allowOnly(api, '/tokens', ['GET', 'POST']);
  allowOnly(api, '/tokens/:id/revoke', ['POST']);
  allowOnly(api, '/tokens/:id', ['PATCH']);
  allowOnly(api, '/usage', ['GET']);
  return api;
}

function notFound(idOrName: string): never {
  throw new ProxyError('not_found', `No active token has the id or name "${idOrName}".`);
}

async function readJson<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ProxyError('bad_request', `The request is not valid: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}
