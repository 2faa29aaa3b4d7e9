/**
 * The one file in the panel that calls `fetch` (docs/contributing.md#one-file-per-outside-call): the team proxy's `GET
 * /health`, `GET /v1/models`, `GET /v1/usage/me`, `POST /v1/generate`, `POST /v1/segment` and
 * `POST /v1/batches`. Every call ends in a {@link Result}: the
 * proxy's error envelope becomes its AppError, a network failure `proxy_unreachable` (or `connection_dropped` when
 * the answer had begun to arrive, or the address had answered before), the caller's abort
 * `cancelled`, our own timeout `upstream_timeout`, and every 200 body is checked against the schema both ends share
 * (core/proxy-schema.ts). A live `POST /v1/generate` is read by ui/proxy-stream.ts and ends the same way.
 */
import type { z } from 'zod';
import { appError, type AppError } from '../core/errors.js';
import {
  describeIssue,
  generateResponseSchema,
  healthResponseSchema,
  modelsResponseSchema,
  type GenerateRequest,
  type GenerateResponse,
  type HealthResponse,
  type ModelsResponse,
  type UsageMeResponse,
  usageMeResponseSchema,
} from '../core/proxy-schema.js';
import { withFullModelTurn } from '../core/model-turn-wire.js';
import { submittedJobSchema, type SubmittedJob } from '../core/batch-jobs-split.js';
import type { BatchRequest } from '../core/batch-schema.js';
import { segmentResponseSchema, type SegmentRequest, type SegmentResponse } from '../core/segment-schema.js';
import { fail, ok, type Result } from '../core/result.js';
import { errorFromResponse, parseJson, stopError, withRetryAfter } from './proxy-answer.js';
import { proxyBaseUrl, type Settings } from '../core/settings.js';
import { buildMayReach, notAllowedMessage } from '../core/build-may-reach.js';
import { BUILD_TARGET, type BuildTarget } from '../core/build-target.js';
import { EVENT_STREAM_TYPE } from '../core/generate-stream.js';
import { isEventStream, readLiveAnswerAsync, type LiveEvent } from './proxy-stream.js';

export interface ProxyClient {
  /** `GET /health`: whether the proxy answers from Gemini, Vertex AI or the offline double. */
  getHealth(signal?: AbortSignal): Promise<Result<HealthResponse>>;
  /** The model registry the proxy offers. */
  getModels(signal?: AbortSignal): Promise<Result<ModelsResponse>>;
  /** `GET /v1/usage/me`: the designer's own images and budget today and this month, and what is left. */
  getUsage(signal?: AbortSignal): Promise<Result<UsageMeResponse>>;
  /**
   * Whether anything answers at the proxy's address at all, CORS aside (a `no-cors` request, whose answer the panel
   * cannot read): tells a server that refuses the panel's origin from one that is not there.
   */
  answersWithoutCorsAsync(signal?: AbortSignal): Promise<boolean>;
  /**
   * One image for one request; aborting `signal` really aborts the HTTP request. With `onLive` the answer is asked
   * for live (docs/proxy-api.md#live-previews): stages and interim drafts are heard as they arrive; a proxy that
   * answers plain JSON is read as before.
   */
  generate(
    request: GenerateRequest,
    signal?: AbortSignal,
    onLive?: (event: LiveEvent) => void,
  ): Promise<Result<GenerateResponse>>;
  /** `POST /v1/segment`: Gemini's masks of the image's subject or of a named object (core/segment-schema.ts). */
  segment(request: SegmentRequest, signal?: AbortSignal): Promise<Result<SegmentResponse>>;
  /** `POST /v1/batches`: one Batch API job of inlined requests, at half price (docs/proxy-api.md#batches). */
  submitBatch(request: BatchRequest, signal?: AbortSignal): Promise<Result<SubmittedJob>>;
}

export interface ProxyClientOptions {
  /** `fetch` to use; the browser's by default. */
  fetch?: typeof fetch;
  /** Time allowed for `GET /v1/models`, in ms. */
  modelsTimeoutMs?: number;
  /** Time allowed for `POST /v1/generate`, in ms: 4K can take minutes (the registry allows up to 360 s). */
  generateTimeoutMs?: number;
  /** The origins this build may call (core/build-target.ts); the bundle's own by default. */
  target?: BuildTarget;
}

/** A client for the proxy at `settings.proxyUrl`, sending `settings.token` as the bearer token. */
export function createProxyClient(settings: Settings, options: ProxyClientOptions = {}): ProxyClient {
  const base = proxyBaseUrl(settings);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  const target = options.target ?? BUILD_TARGET;
  const call = <T>(
    path: string,
    init: RequestInit,
    schema: z.ZodType<T>,
    timeoutMs: number,
    signal?: AbortSignal,
    onLive?: (event: LiveEvent) => void,
  ) => callJsonAsync({ fetchImpl, base, target }, path, init, schema, timeoutMs, signal, onLive);
  return {
    getHealth: (signal) =>
      call('/health', { method: 'GET', headers }, healthResponseSchema, options.modelsTimeoutMs ?? 15_000, signal),
    getModels: (signal) =>
      call('/v1/models', { method: 'GET', headers }, modelsResponseSchema, options.modelsTimeoutMs ?? 15_000, signal),
    getUsage: (signal) =>
      call(
        '/v1/usage/me',
        { method: 'GET', headers },
        usageMeResponseSchema,
        options.modelsTimeoutMs ?? 15_000,
        signal,
      ),
    answersWithoutCorsAsync: (signal) =>
      fetchImpl(`${base}/health`, { method: 'GET', mode: 'no-cors', signal }).then(
        () => true,
        () => false,
      ),
    async generate(request, signal, onLive) {
      const accept: Record<string, string> = onLive ? { Accept: `${EVENT_STREAM_TYPE}, application/json` } : {};
      const answer = await call(
        '/v1/generate',
        {
          method: 'POST',
          headers: { ...headers, ...accept, 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        },
        generateResponseSchema,
        options.generateTimeoutMs ?? 400_000,
        signal,
        onLive,
      );
      return answer.ok ? ok(withFullModelTurn(answer.value)) : answer;
    },
    segment: (request, signal) =>
      call(
        '/v1/segment',
        { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(request) },
        segmentResponseSchema,
        options.generateTimeoutMs ?? 400_000,
        signal,
      ),
    submitBatch: async (request, signal) => {
      const answer = await call(
        '/v1/batches',
        { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(request) },
        submittedJobSchema,
        options.generateTimeoutMs ?? 400_000,
        signal,
      );
      return answer.ok ? ok(answer.value.job) : answer;
    },
  };
}

/** Where calls go: the proxy's base URL, the `fetch` to use, and the origins this build may reach. */
interface Endpoint {
  fetchImpl: typeof fetch;
  base: string;
  target: BuildTarget;
}

/**
 * The proxy addresses that have answered this panel (any HTTP answer, an error too) since it opened: a lost
 * connection to one of them is a dropped connection, not a wrong URL.
 */
const answeredBases = new Set<string>();

async function callJsonAsync<T>(
  endpoint: Endpoint,
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
  timeoutMs: number,
  signal?: AbortSignal,
  onLive?: (event: LiveEvent) => void,
): Promise<Result<T>> {
  const { fetchImpl, base } = endpoint;
  if (signal?.aborted) return fail(appError('cancelled'));
  // One controller for both reasons to stop, remembering which one it was.
  const controller = new AbortController();
  const stop: { reason: 'cancelled' | 'timeout' | null } = { reason: null };
  const onAbort = (): void => {
    stop.reason ??= 'cancelled';
    controller.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    stop.reason ??= 'timeout';
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response | null = null;
    let body: unknown;
    try {
      response = await fetchImpl(`${base}${path}`, { ...init, signal: controller.signal });
      answeredBases.add(base);
      if (onLive && response.ok && isEventStream(response)) {
        const ending = await readLiveAnswerAsync(response, onLive);
        // A stream that stopped before its last event lost the answer, as a body cut short does (unless we stopped it).
        if (!ending) return fail(stop.reason ? stopError(stop.reason, timeoutMs) : networkError(endpoint, response));
        if ('status' in ending) return fail(errorFromResponse(ending.status, ending.body));
        body = ending.result;
      } else {
        body = parseJson(await response.text());
      }
    } catch {
      if (stop.reason) return fail(stopError(stop.reason, timeoutMs));
      return fail(networkError(endpoint, response));
    }
    if (!response.ok) return fail(withRetryAfter(errorFromResponse(response.status, body), response));
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return fail(
        appError(
          'upstream_error',
          `The proxy's answer was not understood (${describeIssue(parsed.error)}). Check the proxy URL in Settings.`,
        ),
      );
    }
    return ok(parsed.data);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * A request that failed on the network: before any answer (nothing there, or the connection lost on the way), or
 * while the answer's body was arriving (`response` is set).
 */
function networkError({ base, target }: Endpoint, response: Response | null): AppError {
  if (response) {
    return appError(
      'connection_dropped',
      `The connection to the proxy at ${base} dropped while its answer was arriving (HTTP ${response.status}), so ` +
        'the answer was lost. Try again; the proxy may answer the same request from its cache.',
    );
  }
  if (answeredBases.has(base)) {
    return appError(
      'connection_dropped',
      `The connection to the proxy at ${base} dropped before it answered: the proxy may have stopped or restarted, ` +
        'or the network went down. Try again in a moment; if it keeps failing, ask your admin whether it is running.',
    );
  }
  // In Figma a URL the manifest does not allow always fails here (its CSP blocks it): say that, not "offline".
  if (!buildMayReach(target, base)) return appError('proxy_unreachable', notAllowedMessage(target, base));
  return appError(
    'proxy_unreachable',
    `Could not reach the Banana Studio proxy at ${base}. Check your connection and the proxy URL in Settings.`,
  );
}

/** One JSON call to the proxy, answered as every call here is: what ui/batch-client.ts builds its calls on. */
export type ProxyJsonCall = <T>(
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown },
  schema: z.ZodType<T>,
  signal?: AbortSignal,
) => Promise<Result<T>>;

/** A {@link ProxyJsonCall} to the proxy at `settings.proxyUrl`, with the bearer token and a 30 s timeout. */
export function createProxyJsonCall(settings: Settings, options: ProxyClientOptions = {}): ProxyJsonCall {
  const base = proxyBaseUrl(settings);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  const endpoint = { fetchImpl, base, target: options.target ?? BUILD_TARGET };
  return (path, { method, body }, schema, signal) =>
    callJsonAsync(
      endpoint,
      path,
      { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      schema,
      options.modelsTimeoutMs ?? 30_000,
      signal,
    );
}
