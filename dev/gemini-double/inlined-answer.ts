/**
 * One inlined request of a batch job, answered as its own `generateContent` would be (handle-request.ts): the same
 * checks, triggers and picture, but an error becomes that request's `google.rpc.Status` in the job's output instead
 * of an HTTP error, so one bad request fails alone (docs/gemini-double.md#the-batch-api). Triggers that act on a
 * connection (`slow`, `hang`, `drop`, `stream-error`) mean nothing here and are ignored.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ModelInfo, ModelRegistry } from '../../core/models.js';
import { buildAnswer } from './answer.js';
import type { InlinedResponse } from './batch-jobs.js';
import { applyCallTriggersAsync, type CallCounters } from './call-triggers.js';
import { checkInputs } from './check-inputs.js';
import { entityNotFound, invalidArgument, isGoogleErrorBody, type GoogleErrorBody } from './errors.js';
import { readGenerateRequest } from './request.js';
import { unaryBody } from './response.js';
import { parseTriggers } from './triggers.js';
import { promptTokens } from './usage.js';

/** What answering one inlined request needs of the double: its models and its trigger counters. */
export interface InlinedContext extends CallCounters {
  registry: ModelRegistry;
  unreachable: ReadonlySet<string>;
}

/**
 * The inlined response for `item` (`{ request, metadata? }`) on `model` (null when the job's model is no longer
 * reachable). `response` is the poll being answered; no trigger here waits on it.
 */
export async function answerInlined(
  counters: CallCounters,
  model: ModelInfo | null,
  item: { request: unknown; metadata?: unknown },
  response: ServerResponse,
): Promise<InlinedResponse> {
  const meta = item.metadata === undefined ? {} : { metadata: item.metadata };
  const answer = await answerBody(counters, model, item.request, response);
  if (isGoogleErrorBody(answer)) {
    const { code, message, details } = answer.error;
    return { error: details ? { code, message, details } : { code, message }, ...meta };
  }
  return { response: answer, ...meta };
}

async function answerBody(
  counters: CallCounters,
  model: ModelInfo | null,
  request: unknown,
  response: ServerResponse,
): Promise<GoogleErrorBody | Record<string, unknown>> {
  if (!model) return entityNotFound();
  const generate = readGenerateRequest(request);
  if (isGoogleErrorBody(generate)) return generate;
  const { triggers, seedText } = parseTriggers(generate.prompt);
  if (triggers.unknown.length > 0) {
    return invalidArgument(`Unknown Gemini double trigger ${triggers.unknown.join(', ')}. See docs/gemini-double.md.`);
  }
  Object.assign(triggers, { hang: false, delayMs: 0, drop: false, streamError: false });
  const outcome = await applyCallTriggersAsync(counters, triggers, model, generate.prompt, response);
  if (outcome === 'stop') return entityNotFound();
  if ('error' in outcome) return outcome.error;
  const inputs = checkInputs('gemini', model, generate, triggers);
  if (isGoogleErrorBody(inputs)) return inputs;
  const answer = buildAnswer({
    model,
    request: generate,
    triggers,
    seedText: triggers.vary ? `${seedText}\u0000call ${outcome.call}` : seedText,
    source: inputs.pixels,
    prompt: promptTokens(model, generate.allText, inputs.images.length),
  });
  return unaryBody(answer, {
    modelVersion: model.id,
    responseId: randomBytes(17).toString('base64url'),
    vertex: false,
    createTime: new Date().toISOString(),
  });
}
