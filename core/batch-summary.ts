/**
 * What the panel says about a batch over a selection (docs/batch.md), in plain words: the confirm card's line
 * before anything runs, what is left of the person's limits against it, progress ("12 of 40 done · 2 failed"),
 * the tally at the end with its time and cost, and which calls Retry runs again. Pure.
 */
import { formatUsd } from './cost-estimate.js';
import type { AppError } from './errors.js';
import type { UsageMeResponse } from './proxy-schema.js';

/** How one call of the batch ended, or null while it waits or runs. */
export type BatchOutcome = { ok: true; costUsd: number } | { ok: false; error: AppError } | null;

/** "40 frames", "1 frame". */
export function framesWord(count: number): string {
  return `${count} ${count === 1 ? 'frame' : 'frames'}`;
}

/** The confirm card's line: "Edit 40 frames · 1 variant each · ≈ $2.68 now (standard) · or ≈ $1.34 at half price". */
export function batchConfirmLine(
  frames: number,
  variants: number,
  standardUsd: number | null,
  batchUsd: number | null,
): string {
  const each = `${variants} ${variants === 1 ? 'variant' : 'variants'} each`;
  const now = standardUsd === null ? 'cost not known' : `≈ ${formatUsd(standardUsd)} now (standard)`;
  const half = batchUsd === null ? '' : ` · or ≈ ${formatUsd(batchUsd)} at half price, done within hours`;
  return `Edit ${framesWord(frames)} · ${each} · ${now}${half}`;
}

/**
 * Why the batch would not fit in what the person has left (`GET /v1/usage/me`), or null when it fits or nothing
 * is known. A batch over the daily images stops part-way; over the month's budget the proxy refuses the rest.
 */
export function usageShortfall(usage: UsageMeResponse | null, calls: number, costUsd: number | null): string | null {
  if (!usage) return null;
  const images = usage.day.remainingImages;
  if (images !== null && calls > images) {
    return `This batch makes ${calls} images and you have ${images} left today: the rest would be refused. Run fewer frames, or wait for your limit to reset.`;
  }
  const budget = usage.month.remainingUsd;
  if (budget !== null && costUsd !== null && costUsd > budget) {
    return `This batch would cost about ${formatUsd(costUsd)} and ${formatUsd(budget)} of your budget is left this month: the rest would be refused. Run fewer frames, or at half price.`;
  }
  return null;
}

/** Progress while it runs: "12 of 40 done · 2 failed", with "· waiting for the proxy" while calls wait their turn. */
export function batchProgressLine(outcomes: readonly BatchOutcome[], waiting: number): string {
  const done = outcomes.filter((o) => o?.ok).length;
  const failed = outcomes.filter((o) => o !== null && !o.ok).length;
  const parts = [`${done} of ${outcomes.length} done`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (waiting > 0) parts.push(`${waiting} waiting for the proxy`);
  return parts.join(' · ');
}

/** The tally at the end: "38 of 40 done · 2 failed · 1 min 12 s · $2.55 (standard rate)". */
export function batchTallyLine(outcomes: readonly BatchOutcome[], elapsedMs: number): string {
  const done = outcomes.filter((o) => o?.ok).length;
  const failed = outcomes.filter((o) => o !== null && !o.ok).length;
  const cost = outcomes.reduce((sum, o) => sum + (o?.ok ? o.costUsd : 0), 0);
  const head = done === outcomes.length ? `All ${outcomes.length} done` : `${done} of ${outcomes.length} done`;
  const parts = [head];
  if (failed > 0) parts.push(`${failed} failed`);
  parts.push(describeElapsed(elapsedMs), `${formatUsd(cost)} (standard rate)`);
  return parts.join(' · ');
}

/** "45 s", "1 min 12 s". */
export function describeElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The calls that failed, in order: what "Retry the N that failed" runs again, and only those. */
export function failedCalls(outcomes: readonly BatchOutcome[]): number[] {
  return outcomes.flatMap((o, index) => (o !== null && !o.ok ? [index] : []));
}

/** The outcomes once some calls ran again: each retried call takes its new outcome (a still-running one stays). */
export function outcomesAfterRetry(
  outcomes: readonly BatchOutcome[],
  again: ReadonlyMap<number, BatchOutcome>,
): BatchOutcome[] {
  return outcomes.map((o, index) => {
    const next = again.get(index);
    return next === undefined || next === null ? o : next;
  });
}
