/**
 * The admin CLI's words for people (`admin.ts` prints JSON instead with `--json`): a token's limits in a sentence,
 * the tokens as a table, and the usage report as a table with its totals.
 */
import { formatUsd } from '../../core/cost-estimate.js';
import type { UsageReport } from '../../core/usage-report.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import type { TokenRecord } from '../store/store.js';

/** `50 images/day, $20.00/month, no rate limit`. */
export function describeLimits(limits: TokenLimits): string {
  return [
    limits.dailyImages === null ? 'no daily image limit' : `${limits.dailyImages} images/day`,
    limits.monthlyUsd === null ? 'no monthly budget' : `${formatUsd(limits.monthlyUsd)}/month`,
    limits.rpm === null ? 'no rate limit' : `${limits.rpm} requests/min`,
  ].join(', ');
}

/** The tokens, one a line, or how to create the first one. */
export function tokenTable(tokens: readonly TokenRecord[]): string {
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

/** The report of the last `days` days: a line on the cache, then a row per person and the totals. */
export function usageTable(report: UsageReport, days: number): string {
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
