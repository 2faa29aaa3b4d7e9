/**
 * Retry and regenerate within a batch of variants (docs/variants.md#retry-and-regenerate): which variants failed,
 * how the batch's tally reads once some are run again, and a failed variant's few words for the note. Pure.
 */
import type { AppError, ErrorCode } from './errors.js';
import { summarizeVariants, type VariantOutcome } from './variant-summary.js';

/** The indices of the variants that ended in failure, in request order: what "Retry the ones that failed" runs. */
export function failedIndices(outcomes: readonly VariantOutcome[]): number[] {
  return outcomes.flatMap((outcome, index) => (outcome && !outcome.ok ? [index] : []));
}

/**
 * The batch's outcomes after some of its variants ran again (`again`: index and how the new call ended). A
 * retried variant takes its new outcome; a regenerated one (`fresh`) was already made, so a failed regenerate
 * leaves it made: the earlier result is still on the canvas.
 */
export function outcomesAfter(
  outcomes: readonly VariantOutcome[],
  again: readonly { index: number; outcome: VariantOutcome }[],
  fresh: boolean,
): VariantOutcome[] {
  const next = [...outcomes];
  for (const { index, outcome } of again) {
    if (index < 0 || index >= next.length || outcome === null) continue;
    if (outcome.ok || !fresh) next[index] = outcome;
  }
  return next;
}

/** The note's tally: "All 4 done", "3 of 4 done; 1 was blocked by safety filters", and how many were made again (Remake this one). */
export function batchSummary(outcomes: readonly VariantOutcome[], regenerated: number): string {
  const tally = summarizeVariants(outcomes);
  return regenerated > 0 ? `${tally}; ${regenerated} remade` : tally;
}

const SHORT_WORDS: Partial<Record<ErrorCode, string>> = {
  safety_blocked: 'Blocked by safety filters',
  no_image_returned: 'Came back without an image',
  cancelled: 'Cancelled',
  upstream_rate_limited: 'Rate-limited by Gemini',
  upstream_timeout: 'Timed out',
  upstream_unavailable: 'Gemini was unavailable',
  connection_dropped: 'The connection dropped',
  proxy_unreachable: 'The proxy could not be reached',
};

/** A failed variant's line in the note: "Variant request 2: blocked by safety filters". */
export function failedVariantLine(index: number, error: AppError): string {
  const words = SHORT_WORDS[error.code] ?? `Failed (${error.code.replace(/_/g, ' ')})`;
  return `Variant request ${index + 1}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
