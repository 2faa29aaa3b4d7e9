/**
 * The admin page's view of the last N days: totals per person, per model and per day, and how much the cache
 * saved. Pure: a store hands in rows already grouped by day, person and model; this fills the gaps (days with
 * no use are zeros, so a chart has one bar slot per day) and sorts by cost.
 */
import { roundUsd } from './models.js';
import { DAY_MS, utcDayKey, utcDayStart } from './usage-periods.js';

/** One group of usage rows as a store returns it. */
export interface UsageGroup {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  tokenName: string;
  /** Null for requests refused before a model was known. */
  model: string | null;
  requests: number;
  /** Images made (not counting cache hits). */
  images: number;
  cachedImages: number;
  /** Requests that ended in an error (limits, upstream failures); not those their client cancelled. */
  errors: number;
  costUsd: number;
  /** What cache hits would have cost. */
  savedUsd: number;
  /** Of `requests`, those sent in a Batch API job (docs/proxy-api.md#batches), priced at the batch rate. */
  batchRequests: number;
  /** Of `costUsd`, what those batch requests cost. */
  batchCostUsd: number;
}

/** Totals for one person or one model. */
export interface UsageLine {
  requests: number;
  images: number;
  cachedImages: number;
  errors: number;
  costUsd: number;
  savedUsd: number;
  /** Cost per day, one entry per report day, oldest first. */
  costByDay: number[];
  /** Images per day (including cache hits), one entry per report day. */
  imagesByDay: number[];
  batchRequests: number;
  batchCostUsd: number;
  /** Cost of batch requests per day, one entry per report day. */
  batchCostByDay: number[];
  /** What cache hits would have cost, per day. */
  savedByDay: number[];
}

export interface UsageReport {
  /** Every day in the report, oldest first (`YYYY-MM-DD`, UTC). */
  days: string[];
  totals: UsageLine;
  byPerson: (UsageLine & { name: string })[];
  byModel: (UsageLine & { model: string })[];
  /** Share of answered images that came from the cache (0–1), and what that saved. */
  cache: { hits: number; hitRate: number; savedUsd: number };
}

/** The `count` UTC days ending with the day of `now`, oldest first. */
export function reportDays(now: number, count: number): string[] {
  const today = utcDayStart(now);
  return Array.from({ length: count }, (_, i) => utcDayKey(today - (count - 1 - i) * DAY_MS));
}

/** Builds the report over `days` from grouped rows; rows outside those days are ignored. */
export function buildUsageReport(groups: readonly UsageGroup[], days: readonly string[]): UsageReport {
  const index = new Map(days.map((d, i) => [d, i]));
  const empty = (): UsageLine => ({
    requests: 0,
    images: 0,
    cachedImages: 0,
    errors: 0,
    costUsd: 0,
    savedUsd: 0,
    costByDay: days.map(() => 0),
    imagesByDay: days.map(() => 0),
    batchRequests: 0,
    batchCostUsd: 0,
    batchCostByDay: days.map(() => 0),
    savedByDay: days.map(() => 0),
  });
  const totals = empty();
  const people = new Map<string, UsageLine>();
  const models = new Map<string, UsageLine>();
  for (const g of groups) {
    const i = index.get(g.day);
    if (i === undefined) continue;
    const lines = [totals, lineFor(people, g.tokenName, empty)];
    if (g.model !== null) lines.push(lineFor(models, g.model, empty));
    for (const line of lines) {
      line.requests += g.requests;
      line.images += g.images;
      line.cachedImages += g.cachedImages;
      line.errors += g.errors;
      line.costUsd += g.costUsd;
      line.savedUsd += g.savedUsd;
      line.costByDay[i]! += g.costUsd;
      line.imagesByDay[i]! += g.images + g.cachedImages;
      line.batchRequests += g.batchRequests;
      line.batchCostUsd += g.batchCostUsd;
      line.batchCostByDay[i]! += g.batchCostUsd;
      line.savedByDay[i]! += g.savedUsd;
    }
  }
  const answered = totals.images + totals.cachedImages;
  const byCost = <T extends UsageLine>(a: T, b: T): number => b.costUsd - a.costUsd || b.requests - a.requests;
  return {
    days: [...days],
    totals: rounded(totals),
    byPerson: [...people].map(([name, line]) => ({ name, ...rounded(line) })).sort(byCost),
    byModel: [...models].map(([model, line]) => ({ model, ...rounded(line) })).sort(byCost),
    cache: {
      hits: totals.cachedImages,
      hitRate: answered === 0 ? 0 : totals.cachedImages / answered,
      savedUsd: roundUsd(totals.savedUsd),
    },
  };
}

function lineFor(map: Map<string, UsageLine>, key: string, empty: () => UsageLine): UsageLine {
  let line = map.get(key);
  if (!line) {
    line = empty();
    map.set(key, line);
  }
  return line;
}

function rounded(line: UsageLine): UsageLine {
  return {
    ...line,
    costUsd: roundUsd(line.costUsd),
    savedUsd: roundUsd(line.savedUsd),
    costByDay: line.costByDay.map(roundUsd),
    batchCostUsd: roundUsd(line.batchCostUsd),
    batchCostByDay: line.batchCostByDay.map(roundUsd),
    savedByDay: line.savedByDay.map(roundUsd),
  };
}
