/**
 * The admin CLI's words for people (`admin.ts` prints JSON instead with `--json`): a token's limits in a sentence,
 * the tokens as a table, and the usage report as tables (per person with totals, per model) and the month's projection.
 */
import { formatUsd } from '../../core/cost-estimate.js';
import type { MonthProjection } from '../../core/month-projection.js';
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

/**
 * The report of the last `days` days: a line on the cache, a row per person, the totals, then a row per model, and
 * the month's projection when it is given. BATCH is the cost of requests sent in Batch API jobs (at the batch rate)
 * and how many; SAVED what cache hits would have cost.
 */
export function usageTable(report: UsageReport, days: number, projection?: MonthProjection): string {
  const head = ['REQUESTS', 'IMAGES', 'CACHED', 'FAILED', 'COST', 'BATCH', 'SAVED'];
  const person = [...report.byPerson.map((p) => usageCells(p.name, p)), usageCells('TOTAL', report.totals)];
  const model = report.byModel.map((m) => usageCells(m.model, m));
  const hitRate = Math.round(report.cache.hitRate * 100);
  return [
    `Last ${days} days (UTC), cache hit rate ${hitRate}%, saved ${formatUsd(report.cache.savedUsd)}`,
    table(['PERSON', ...head], person),
    ...(model.length > 0 ? ['', table(['MODEL', ...head], model)] : []),
    ...(projection ? ['', projectionLine(projection)] : []),
  ].join('\n');
}

type UsageLine = UsageReport['totals'];

function usageCells(name: string, line: UsageLine): string[] {
  const batch = line.batchRequests > 0 ? `${formatUsd(line.batchCostUsd)} (${line.batchRequests})` : '-';
  return [
    name,
    String(line.requests),
    String(line.images),
    String(line.cachedImages),
    String(line.errors),
    formatUsd(line.costUsd),
    batch,
    formatUsd(line.savedUsd),
  ];
}

/** "Projected for 2026-12: $412.00 = $120.00 so far (of it $8.00 at the batch rate) + $10.00/day × 27 days left". */
function projectionLine(p: MonthProjection): string {
  return (
    `Projected for ${p.month}: ${formatUsd(p.projectedUsd)} = ${formatUsd(p.monthToDateUsd)} so far ` +
    `(of it ${formatUsd(p.monthToDateBatchUsd)} at the batch rate; the cache saved ${formatUsd(p.monthToDateSavedUsd)}) ` +
    `+ ${formatUsd(p.dailyAverageUsd)}/day (last 7 full days) × ${p.daysLeft} days left`
  );
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
