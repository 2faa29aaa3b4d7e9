/**
 * What the panel says while N variants run and when they end: "2 of 4 done", "3 of 4 done; 1 was blocked by
 * safety filters". Plain words, one clause per kind of failure.
 */
import type { AppError, ErrorCode } from './errors.js';

/** How each variant ended, or null while it still runs. */
export type VariantOutcome = { ok: true } | { ok: false; error: AppError } | null;

const FAILURE_WORDS: Partial<Record<ErrorCode, [string, string]>> = {
  safety_blocked: ['was blocked by safety filters', 'were blocked by safety filters'],
  no_image_returned: ['came back without an image', 'came back without an image'],
  cancelled: ['was cancelled', 'were cancelled'],
  limit_reached: ['hit your usage limit', 'hit your usage limit'],
  budget_exhausted: ['hit your monthly budget', 'hit your monthly budget'],
  upstream_rate_limited: ['was rate-limited by Gemini', 'were rate-limited by Gemini'],
  upstream_timeout: ['timed out', 'timed out'],
};

/** One line: progress while any runs, the tally when all have ended. */
export function summarizeVariants(outcomes: readonly VariantOutcome[]): string {
  const total = outcomes.length;
  const done = outcomes.filter((o) => o?.ok).length;
  const ended = outcomes.filter((o) => o !== null).length;
  const only = outcomes[0];
  if (total === 1 && only) return only.ok ? 'Done' : only.error.message;
  const head =
    ended < total ? `${done} of ${total} done` : done === total ? `All ${total} done` : `${done} of ${total} done`;
  const failures = outcomes.filter((o): o is { ok: false; error: AppError } => o !== null && !o.ok);
  if (failures.length === 0) return ended < total ? `${head}…` : head;
  return `${head}; ${failureClause(failures)}${ended < total ? '…' : ''}`;
}

function failureClause(failures: readonly VariantOutcome[]): string {
  const byCode = new Map<ErrorCode, number>();
  for (const f of failures) if (f && !f.ok) byCode.set(f.error.code, (byCode.get(f.error.code) ?? 0) + 1);
  const parts = [...byCode].map(([code, n]) => {
    const words = FAILURE_WORDS[code];
    if (words) return `${n} ${n === 1 ? words[0] : words[1]}`;
    return `${n} failed`;
  });
  return parts.join(', ');
}
