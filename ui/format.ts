/** Small text formats the panel shows. */

/** `1200 × 800`, rounded to whole units. */
export function formatSize(width: number, height: number): string {
  return `${Math.round(width)} × ${Math.round(height)}`;
}

/** Whole seconds since `startedAt`: `0 s`, `12 s`, `2 min 05 s`. */
export function formatElapsed(startedAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * An actual cost as the panel shows it: three decimals under a dollar (`$0.039`, `$0.067`), cents above
 * (`$1.20`), and `$0` for nothing. Estimates use `formatUsd` (core/cost-estimate.ts) with a `≈`.
 */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) < 0.001) return `$${Number(usd.toPrecision(2))}`;
  return `$${usd.toFixed(3)}`;
}

/** `1,290 tokens`, `1 token`. */
export function formatTokens(tokens: number): string {
  return `${Math.round(tokens).toLocaleString('en-US')} ${tokens === 1 ? 'token' : 'tokens'}`;
}

/** What a turn cost: `$0.067 · 1,680 tokens`, or `cached · $0` when the proxy answered from its cache. */
export function formatUsage(usage: { costUsd: number; totalTokens: number; cached?: boolean | undefined }): string {
  if (usage.cached) return 'cached · $0';
  return `${formatCost(usage.costUsd)} · ${formatTokens(usage.totalTokens)}`;
}

/** When a turn was made, short: the time for today (`09:12`), else the day (`4 Mar`, or `4 Mar 2025`). */
export function formatWhen(iso: string, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const day = (d: Date) => d.toLocaleDateString('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  if (day(at) === day(now)) {
    return at.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  }
  const sameYear =
    at.toLocaleDateString('en-GB', { timeZone, year: 'numeric' }) ===
    now.toLocaleDateString('en-GB', { timeZone, year: 'numeric' });
  return at.toLocaleDateString('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** A model as a row has room for: the part of its label in parentheses (`3.1 Flash Image`), or its id. */
export function shortModelName(id: string, models: readonly { id: string; label: string }[]): string {
  const label = models.find((m) => m.id === id)?.label;
  if (!label) return id;
  return /\(([^)]+)\)/.exec(label)?.[1] ?? label;
}
