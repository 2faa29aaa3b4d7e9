/**
 * The triggers that act before a call is validated (docs/gemini-double.md): hangs and delays, errors every time,
 * flaky prompts that fail their first calls, and the Nth call of a prompt. As on Google, rate limits and outages
 * come before field validation.
 */
import type { ServerResponse } from 'node:http';
import type { ModelInfo } from '../../core/models.js';
import { errorForStatus, type GoogleErrorBody } from './errors.js';
import { waitOrClose } from './http-io.js';
import type { Triggers } from './triggers.js';

/** The per-prompt counters the triggers keep for as long as the double runs. */
export interface CallCounters {
  flakyCalls: Map<string, number>;
  /** Calls per model and prompt, for the triggers that act on the Nth call (`nth-…`, `vary`). */
  promptCalls: Map<string, number>;
}

/**
 * What the triggers make of this call: an error to answer with, `stop` when the client went away (or never will
 * be answered), or go on as call number `call` of this prompt (0 when no trigger counts calls). A refusal on the
 * Nth call is set on `triggers.finishReason`.
 */
export type TriggerOutcome = { error: GoogleErrorBody } | 'stop' | { call: number };

/** Applies the hang, delay, error, flaky and Nth-call triggers to one call of `model` with `prompt`. */
export async function applyCallTriggersAsync(
  counters: CallCounters,
  triggers: Triggers,
  model: ModelInfo,
  prompt: string,
  response: ServerResponse,
): Promise<TriggerOutcome> {
  if (triggers.hang) {
    await waitOrClose(response, Infinity);
    return 'stop';
  }
  if (triggers.delayMs > 0 && (await waitOrClose(response, triggers.delayMs)) === 'closed') return 'stop';
  if (triggers.error) return { error: errorForStatus(triggers.error, model.id, triggers.retryDelay) };
  const key = `${model.id}\u0000${prompt}`;
  if (triggers.flaky) {
    const calls = (counters.flakyCalls.get(key) ?? 0) + 1;
    counters.flakyCalls.set(key, calls);
    if (calls <= triggers.flaky.times) {
      return { error: errorForStatus(triggers.flaky.status, model.id, triggers.retryDelay) };
    }
  }
  let call = 0;
  if (triggers.nth || triggers.vary) {
    call = (counters.promptCalls.get(key) ?? 0) + 1;
    counters.promptCalls.set(key, call);
  }
  if (triggers.nth?.call === call) {
    if (triggers.nth.status !== null) {
      return { error: errorForStatus(triggers.nth.status, model.id, triggers.retryDelay) };
    }
    triggers.finishReason = triggers.nth.finishReason;
  }
  return { call };
}
