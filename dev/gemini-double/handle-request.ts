/**
 * One call to the double, start to end: route, auth, body, model, triggers, validation, picture, answer. The order
 * follows Google's: a bad key fails before a bad model, a bad model before a bad field; rate limits and outages
 * (the error triggers) come before field validation.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelRegistry } from '../../core/models.js';
import { buildAnswer } from './answer.js';
import type { BatchBook } from './batch-jobs.js';
import { answerBatchRoute } from './batch-routes.js';
import { applyCallTriggersAsync } from './call-triggers.js';
import { checkAuth } from './check-auth.js';
import {
  invalidArgument,
  invalidJson,
  isGoogleErrorBody,
  modelNotFound,
  pathNotFound,
  payloadTooLarge,
  publisherModelNotFound,
  type GoogleErrorBody,
} from './errors.js';
import { readBody, sendError } from './http-io.js';
import { checkInputs } from './check-inputs.js';
import { answerModelRoute, reachableModel } from './model-routes.js';
import { answerSegmentation } from './segment-answer.js';
import type { RecordedRequest } from './recorded-request.js';
import { readGenerateRequest } from './request.js';
import type { ResponseMeta } from './response.js';
import { matchRoute, type BatchRoute, type Route } from './routes.js';

type ModelRoute = Extract<Route, { kind: 'list-models' | 'get-model' }>;
import { sendAnswerAsync } from './send-answer.js';
import { parseTriggers } from './triggers.js';
import { promptTokens } from './usage.js';

/** What lives as long as one double: its models, its key, and the per-prompt counters of the triggers. */
export interface DoubleState {
  /** Batch API jobs (batch-jobs.ts). */
  batches: BatchBook;
  registry: ModelRegistry;
  apiKey: string | null;
  /** Ids this key cannot reach (`unreachableModels`): not listed, 404 for get and generate. */
  unreachable: ReadonlySet<string>;
  flakyCalls: Map<string, number>;
  /** Calls per model and prompt, for the triggers that act on the Nth call (`nth-…`, `vary`). */
  promptCalls: Map<string, number>;
  /** Wait between two chunks of an SSE stream, in ms (`streamChunkDelayMs`). */
  streamChunkDelayMs: number;
}

/** Inline requests up to 100 MB are accepted ([CHG] 2026-01-08). */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;

/** Answers one request; `record` is updated with the body, and with `dropped` when the double cuts the line. */
export async function handleRequest(
  state: DoubleState,
  request: IncomingMessage,
  response: ServerResponse,
  record: RecordedRequest,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://double.invalid');
  response.setHeader('access-control-allow-origin', '*');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET, POST, DELETE',
    });
    response.end();
    return;
  }
  const read = await readJsonBodyAsync(request);
  if (read === null) return; // The client went away while sending.
  record.body = read.body;
  const route = matchRoute(request.method ?? 'GET', record.path);
  if (!route) return sendError(response, pathNotFound(record.path), false);
  const stream = route.kind === 'generate' && route.stream;
  const sse = stream && url.searchParams.get('alt') === 'sse';
  const fail = (error: GoogleErrorBody): void => sendError(response, error, sse);
  const authError = checkAuth(state.apiKey, route, request.headers, url);
  if (authError) return fail(authError);
  if (route.kind.startsWith('batch-')) return answerBatchRoute(state, route as BatchRoute, read, response);
  if (route.kind !== 'generate') return answerModelRoute(state, route as ModelRoute, response, fail);
  if (read.raw === null) return fail(payloadTooLarge(MAX_BODY_BYTES));
  if (!read.isJson) return fail(invalidJson());
  if (route.model === state.registry.segmentation?.id && !state.unreachable.has(route.model))
    return answerSegmentation(read.body, route.model, response, fail);
  const model = reachableModel(state, route.model);
  if (!model) {
    return fail(
      route.backend === 'gemini' ? modelNotFound(route.model, route.version) : publisherModelNotFound(route.resource),
    );
  }
  const generate = readGenerateRequest(read.body);
  if (isGoogleErrorBody(generate)) return fail(generate);
  const { triggers, seedText } = parseTriggers(generate.prompt);
  if (triggers.unknown.length > 0) {
    return fail(
      invalidArgument(`Unknown Gemini double trigger ${triggers.unknown.join(', ')}. See docs/gemini-double.md.`),
    );
  }
  const outcome = await applyCallTriggersAsync(state, triggers, model, generate.prompt, response);
  if (outcome === 'stop') return;
  if ('error' in outcome) return fail(outcome.error);
  const inputs = checkInputs(route.backend, model, generate, triggers);
  if (isGoogleErrorBody(inputs)) return fail(inputs);
  const answer = buildAnswer({
    model,
    request: generate,
    triggers,
    seedText: triggers.vary ? `${seedText}\u0000call ${outcome.call}` : seedText,
    source: inputs.pixels,
    prompt: promptTokens(model, generate.allText, inputs.images.length),
  });
  if (response.destroyed) return;
  const meta: ResponseMeta = {
    modelVersion: route.model,
    responseId: randomBytes(17).toString('base64url'),
    vertex: route.backend !== 'gemini',
    createTime: new Date().toISOString(),
    emptyStopPart: model.thoughtSignatures,
  };
  await sendAnswerAsync(response, answer, meta, {
    stream,
    sse,
    triggers,
    record,
    modelId: model.id,
    chunkDelayMs: triggers.streamDelayMs ?? state.streamChunkDelayMs,
  });
}

/** A request's body: `raw` null when it passed the size limit; `body` its JSON when `isJson`. */
export interface JsonBody {
  raw: Buffer | null;
  body: unknown;
  isJson: boolean;
}

/** The request's body, as JSON when it is; `raw` null when it passed the size limit; null when the client left. */
export async function readJsonBodyAsync(request: IncomingMessage): Promise<JsonBody | null> {
  let raw: Buffer | null;
  try {
    raw = await readBody(request, MAX_BODY_BYTES);
  } catch {
    return null;
  }
  let body: unknown = null;
  let isJson = true;
  if (raw && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      isJson = false;
    }
  }
  return { raw, body, isJson };
}
