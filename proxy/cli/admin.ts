/**
 * `npm run admin -- <command>`: manage team tokens and read usage straight from the store (PostgreSQL when
 * `DATABASE_URL` is set, else the SQLite file under `BANANA_DATA_DIR`), with or without the proxy running (SQLite's
 * WAL, or PostgreSQL, lets both work at once, and a revoked token is refused on its very next request).
 *
 *   tokens create --name "Ana" [--daily-images N] [--monthly-usd X] [--rpm N] [--json]
 *   tokens list [--all] [--json]
 *   tokens revoke <id|name> [--json]
 *   tokens set-limits <id|name> [--daily-images N|none] [--monthly-usd X|none] [--rpm N|none] [--json]
 *   usage [--days N] [--json]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatUsd } from '../../core/cost-estimate.js';
import { describeIssue } from '../../core/proxy-schema.js';
import { DAY_MS, utcDayStart } from '../../core/usage-periods.js';
import { buildUsageReport, reportDays } from '../../core/usage-report.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { limitsFrom, limitsPatchSchema, parseLimitArg, type LimitsPatch } from '../admin/token-limits.js';
import { systemClock, type Clock } from '../clock.js';
import { tokenJson } from '../admin/token-json.js';
import { openStore } from '../store/open-store.js';
import type { ProxyStore, TokenRecord } from '../store/store.js';

/** Where the CLI reads and writes; tests pass arrays and a temp data dir. */
export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  clock?: Clock;
}

export const ADMIN_USAGE = `Banana Studio proxy admin (data: $DATABASE_URL if set, else $BANANA_DATA_DIR, default ./data)

  npm run admin -- tokens create --name "Ana" [--daily-images N] [--monthly-usd X] [--rpm N] [--json]
  npm run admin -- tokens list [--all] [--json]
  npm run admin -- tokens revoke <id|name> [--json]
  npm run admin -- tokens set-limits <id|name> [--daily-images N|none] [--monthly-usd X|none] [--rpm N|none] [--json]
  npm run admin -- usage [--days 30] [--json]

A token is printed once, when it is created; only its SHA-256 hash is stored.`;

class UsageError extends Error {}

/** Runs one command; resolves with the process exit code (0 ok, 1 failed, 2 misused). */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        'daily-images': { type: 'string' },
        'monthly-usd': { type: 'string' },
        rpm: { type: 'string' },
        days: { type: 'string' },
        all: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, command, target] = positionals;
  if (values.help || group === undefined || group === 'help') {
    io.out(ADMIN_USAGE);
    return 0;
  }
  const clock = io.clock ?? systemClock;
  let store: ProxyStore | null = null;
  const open = async (): Promise<ProxyStore> => {
    store = await openStore(
      {
        databaseUrl: io.env.DATABASE_URL?.trim() || null,
        dataDir: resolve(io.env.BANANA_DATA_DIR?.trim() || './data'),
      },
      clock.now(),
    );
    return store;
  };
  const print = (json: unknown, text: string): void => io.out(values.json ? JSON.stringify(json, null, 2) : text);
  try {
    if (group === 'tokens' && command === 'create') {
      if (!values.name) throw new UsageError('tokens create needs --name "Person".');
      const limits: TokenLimits = { dailyImages: null, monthlyUsd: null, rpm: null, ...limitsFrom(limitArgs(values)) };
      const created = await (await open()).createToken({ name: values.name, limits, now: clock.now() });
      if (!created.ok) {
        io.err(created.error.message);
        return 1;
      }
      const { token, record } = created.value;
      print(
        { token, ...tokenJson(record) },
        `Created a token for ${record.name} (id ${record.id}). Copy it now; it is not shown again:\n\n  ${token}\n\nLimits: ${describeLimits(record.limits)}.`,
      );
      return 0;
    }
    if (group === 'tokens' && command === 'list') {
      const tokens = await (await open()).listTokens({ includeRevoked: values.all ?? false });
      print({ tokens: tokens.map(tokenJson) }, tokenTable(tokens));
      return 0;
    }
    if (group === 'tokens' && (command === 'revoke' || command === 'set-limits')) {
      if (!target) throw new UsageError(`tokens ${command} needs the token's id or name.`);
      const record =
        command === 'revoke'
          ? await (await open()).revokeToken(target, clock.now())
          : await (await open()).setLimits(target, limitsFrom(requireSome(limitArgs(values))));
      if (!record) {
        io.err(`No active token has the id or name "${target}". See: npm run admin -- tokens list`);
        return 1;
      }
      print(
        tokenJson(record),
        command === 'revoke'
          ? `Revoked ${record.name}'s token (${record.id}); it is refused from its next request.`
          : `Limits for ${record.name} (${record.id}): ${describeLimits(record.limits)}.`,
      );
      return 0;
    }
    if (group === 'usage') {
      const days = Number(values.days ?? 30);
      if (!Number.isInteger(days) || days < 1 || days > 366)
        throw new UsageError('--days is a whole number, 1 to 366.');
      const now = clock.now();
      const groups = await (await open()).usageGroups(utcDayStart(now) - (days - 1) * DAY_MS);
      const report = buildUsageReport(groups, reportDays(now, days));
      print(report, usageTable(report, days));
      return 0;
    }
    throw new UsageError(`Unknown command: ${positionals.join(' ')}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${ADMIN_USAGE}`);
      return 2;
    }
    io.err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await (store as ProxyStore | null)?.close();
  }
}

/** `--daily-images`, `--monthly-usd`, `--rpm` as a validated patch (same schema as the admin API). */
function limitArgs(values: { 'daily-images'?: string; 'monthly-usd'?: string; rpm?: string }): LimitsPatch {
  const raw: Record<string, number | null> = {};
  for (const [flag, field] of [
    ['daily-images', 'dailyImages'],
    ['monthly-usd', 'monthlyUsd'],
    ['rpm', 'rpm'],
  ] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = parseLimitArg(text);
    if (value === 'invalid') throw new UsageError(`--${flag} takes a number, or "none" for no limit; got "${text}".`);
    raw[field] = value;
  }
  const parsed = limitsPatchSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`Invalid limit: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

function requireSome(patch: LimitsPatch): LimitsPatch {
  if (Object.keys(patch).length === 0) {
    throw new UsageError('tokens set-limits needs at least one of --daily-images, --monthly-usd, --rpm.');
  }
  return patch;
}

/** `50 images/day, $20.00/month, no rate limit`. */
export function describeLimits(limits: TokenLimits): string {
  return [
    limits.dailyImages === null ? 'no daily image limit' : `${limits.dailyImages} images/day`,
    limits.monthlyUsd === null ? 'no monthly budget' : `${formatUsd(limits.monthlyUsd)}/month`,
    limits.rpm === null ? 'no rate limit' : `${limits.rpm} requests/min`,
  ].join(', ');
}

function tokenTable(tokens: readonly TokenRecord[]): string {
  if (tokens.length === 0) return 'No tokens yet. Create one: npm run admin -- tokens create --name "Ana"';
  const date = (ms: number | null): string =>
    ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const rows = tokens.map((t) => [
    t.id,
    t.name + (t.kind === 'dev' ? ' (dev)' : '') + (t.revokedAt !== null ? ' (revoked)' : ''),
    t.limits.dailyImages === null ? '-' : String(t.limits.dailyImages),
    t.limits.monthlyUsd === null ? '-' : formatUsd(t.limits.monthlyUsd),
    t.limits.rpm === null ? '-' : String(t.limits.rpm),
    date(t.createdAt),
    date(t.lastUsedAt),
  ]);
  return table(['ID', 'NAME', 'IMAGES/DAY', '$/MONTH', 'RPM', 'CREATED (UTC)', 'LAST USED'], rows);
}

function usageTable(report: ReturnType<typeof buildUsageReport>, days: number): string {
  const rows = report.byPerson.map((p) => [
    p.name,
    String(p.requests),
    String(p.images),
    String(p.cachedImages),
    String(p.errors),
    formatUsd(p.costUsd),
  ]);
  const t = report.totals;
  rows.push([
    'TOTAL',
    String(t.requests),
    String(t.images),
    String(t.cachedImages),
    String(t.errors),
    formatUsd(t.costUsd),
  ]);
  return `Last ${days} days (UTC), cache hit rate ${Math.round(report.cache.hitRate * 100)}%, saved ${formatUsd(report.cache.savedUsd)}\n${table(['PERSON', 'REQUESTS', 'IMAGES', 'CACHED', 'FAILED', 'COST'], rows)}`;
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
