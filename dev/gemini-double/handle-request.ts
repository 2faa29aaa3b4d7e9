/**
 * One call to the double, start to end: route, auth, body, model, triggers, validation, picture, answer. The order
 * follows Google's: a bad key fails before a bad model, a bad model before a bad field; rate limits and outages
 * (the error triggers) come before field validation.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { findModel, type ModelInfo, type ModelRegistry } from '../../core/models.js';
import { buildAnswer } from './answer.js';
import {
  apiKeyInvalid,
  badArgument,
  errorForStatus,
  invalidArgument,
  invalidJson,
  isGoogleErrorBody,
  modelNotFound,
  pathNotFound,
  payloadTooLarge,
  publisherModelNotFound,
  unauthenticated,
  unregisteredCaller,
  type GoogleErrorBody,
} from './errors.js';
import { JSON_TYPE, readBody, sendError, sendJson, sendTruncated, SSE_TYPE, sseEvent, waitOrClose } from './http-io.js';
import { decodeInputImage } from './image.js';
import { readInputImages, sourceImage } from './input-images.js';
import type { RecordedRequest } from './recorded-request.js';
import { readGenerateRequest } from './request.js';
import { streamChunks, unaryBody, type ResponseMeta } from './response.js';
import { matchRoute, type Route } from './routes.js';
import { parseTriggers } from './triggers.js';
import { promptTokens } from './usage.js';
import { refuseThoughtSignatures, validateImageConfig, validateThoughtSignatures } from './validate.js';

/** What lives as long as one double: its models, its key, and the per-prompt counters of the triggers. */
export interface DoubleState {
  registry: ModelRegistry;
  apiKey: string | null;
  /** Ids this key cannot reach (`unreachableModels`): not listed, 404 for get and generate. */
  unreachable: ReadonlySet<string>;
  flakyCalls: Map<string, number>;
  /** Calls per model and prompt, for the triggers that act on the Nth call (`nth-…`, `vary`). */
  promptCalls: Map<string, number>;
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
    response.writeHead(204, { 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' });
    response.end();
    return;
  }
  let raw: Buffer | null;
  try {
    raw = await readBody(request, MAX_BODY_BYTES);
  } catch {
    return; // The client went away while sending.
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
  record.body = body;
  const route = matchRoute(request.method ?? 'GET', record.path);
  if (!route) return sendError(response, pathNotFound(record.path), false);
  const stream = route.kind === 'generate' && route.stream;
  const sse = stream && url.searchParams.get('alt') === 'sse';
  const fail = (error: GoogleErrorBody): void => sendError(response, error, sse);
  const authError = checkAuth(state, route, request.headers, url);
  if (authError) return fail(authError);
  const reachable = (id: string): ModelInfo | null =>
    state.unreachable.has(id) ? null : findModel(state.registry, id);
  if (route.kind === 'list-models') {
    const listed = state.registry.models.filter((m) => !state.unreachable.has(m.id));
    return sendJson(response, 200, { models: listed.map((m) => describeModel(m)) });
  }
  if (route.kind === 'get-model') {
    const model = reachable(route.model);
    if (model) return sendJson(response, 200, describeModel(model));
    return fail(
      route.vertex
        ? publisherModelNotFound(`publishers/google/models/${route.model}`)
        : modelNotFound(route.model, route.version),
    );
  }
  if (raw === null) return fail(payloadTooLarge(MAX_BODY_BYTES));
  if (!isJson) return fail(invalidJson());
  const model = reachable(route.model);
  if (!model) {
    return fail(
      route.backend === 'gemini' ? modelNotFound(route.model, route.version) : publisherModelNotFound(route.resource),
    );
  }
  const generate = readGenerateRequest(body);
  if (isGoogleErrorBody(generate)) return fail(generate);
  const { triggers, seedText } = parseTriggers(generate.prompt);
  if (triggers.unknown.length > 0) {
    return fail(
      invalidArgument(`Unknown Gemini double trigger ${triggers.unknown.join(', ')}. See docs/gemini-double.md.`),
    );
  }
  if (triggers.hang) {
    await waitOrClose(response, Infinity);
    return;
  }
  if (triggers.delayMs > 0 && (await waitOrClose(response, triggers.delayMs)) === 'closed') return;
  if (triggers.error) return fail(errorForStatus(triggers.error, model.id, triggers.retryDelay));
  if (triggers.flaky) {
    const key = `${model.id}\u0000${generate.prompt}`;
    const calls = (state.flakyCalls.get(key) ?? 0) + 1;
    state.flakyCalls.set(key, calls);
    if (calls <= triggers.flaky.times)
      return fail(errorForStatus(triggers.flaky.status, model.id, triggers.retryDelay));
  }
  let call = 0;
  if (triggers.nth || triggers.vary) {
    const key = `${model.id}\u0000${generate.prompt}`;
    call = (state.promptCalls.get(key) ?? 0) + 1;
    state.promptCalls.set(key, call);
  }
  if (triggers.nth?.call === call) {
    if (triggers.nth.status !== null) return fail(errorForStatus(triggers.nth.status, model.id, triggers.retryDelay));
    triggers.finishReason = triggers.nth.finishReason;
  }
  const configError = validateImageConfig(model, generate);
  if (configError) return fail(configError);
  const images = readInputImages(generate, model.maxInputImages, model.id);
  if (isGoogleErrorBody(images)) return fail(images);
  // Vertex "doesn't return a 400 error if a thought signature isn't returned"
  // (docs/gemini-platform.md#thought-signatures).
  const signatureError = route.backend === 'gemini' ? validateThoughtSignatures(model, generate) : null;
  if (signatureError) return fail(signatureError);
  const refusedSignature = triggers.invalidSignature ? refuseThoughtSignatures(generate) : null;
  if (refusedSignature) return fail(refusedSignature);
  const source = sourceImage(generate, images);
  const pixels = source?.bytes ? decodeInputImage(source.bytes) : null;
  if (source && !pixels) return fail(badArgument());
  const answer = buildAnswer({
    model,
    request: generate,
    triggers,
    seedText: triggers.vary ? `${seedText}\u0000call ${call}` : seedText,
    source: pixels,
    prompt: promptTokens(model, generate.allText, images.length),
  });
  if (response.destroyed) return;
  const meta: ResponseMeta = {
    modelVersion: route.model,
    responseId: randomBytes(17).toString('base64url'),
    vertex: route.backend !== 'gemini',
    createTime: new Date().toISOString(),
  };
  if (!stream) {
    if (!triggers.drop) return sendJson(response, 200, unaryBody(answer, meta));
    record.dropped = true;
    return sendTruncated(response, 200, JSON_TYPE, JSON.stringify(unaryBody(answer, meta)));
  }
  const chunks = streamChunks(answer, meta);
  if (!sse) return sendJson(response, 200, chunks); // Without alt=sse, a stream is one JSON array.
  response.writeHead(200, { 'content-type': SSE_TYPE, 'cache-control': 'no-cache' });
  for (const [i, chunk] of chunks.entries()) {
    response.write(sseEvent(chunk));
    if (i > 0) continue;
    if (triggers.drop) {
      record.dropped = true;
      response.write('data: {"candidates": [', () => response.socket?.destroy());
      return;
    }
    if (triggers.streamError) {
      const { error } = errorForStatus(500, model.id, triggers.retryDelay);
      response.end(sseEvent({ error }));
      return;
    }
  }
  response.end();
}

/**
 * Gemini API and Vertex express calls need `x-goog-api-key` (or `?key=`); Vertex project calls need a bearer token
 * (any token: nothing is verified offline). A bad key is Google's 400 API_KEY_INVALID.
 */
function checkAuth(state: DoubleState, route: Route, headers: IncomingHttpHeaders, url: URL): GoogleErrorBody | null {
  const header = headers['x-goog-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key');
  const bearer = /^Bearer\s+\S/i.test(headers.authorization ?? '');
  // Vertex `models.get` comes with a key (express) or a bearer token (project), like a Vertex generate.
  const backend =
    route.kind === 'generate'
      ? route.backend
      : route.kind === 'get-model' && route.vertex
        ? 'vertex-express'
        : 'gemini';
  if (backend === 'vertex-project') return bearer ? null : unauthenticated();
  if (!key) return backend === 'vertex-express' && bearer ? null : unregisteredCaller();
  if (state.apiKey !== null && key !== state.apiKey) {
    return apiKeyInvalid(backend === 'gemini' ? 'generativelanguage.googleapis.com' : 'aiplatform.googleapis.com');
  }
  return null;
}

/** A registry model as `GET /{version}/models` lists it. */
function describeModel(model: ModelInfo): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.label,
    description: model.description,
    inputTokenLimit: 65_536,
    outputTokenLimit: 32_768,
    supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
  };
}
