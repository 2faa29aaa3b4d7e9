/**
 * The Gemini backend through `@google/genai`: the only file in the project that imports it. Works against the
 * Gemini API (key), Vertex AI (project + location with application-default credentials, or express mode with a
 * key), or any double that speaks the same REST API (`baseUrl`).
 */
import {
  ApiError,
  GoogleGenAI,
  JobState,
  MediaModality,
  Modality,
  type BatchJob,
  type GenerateContentResponse,
  type GenerateContentResponseUsageMetadata,
  type InlinedRequest,
  type GoogleGenAIOptions,
  type ModalityTokenCount,
} from '@google/genai';
import { upstreamError } from './gemini-errors.js';
import { checkModelsWith } from './gemini-models.js';
import type {
  GeminiBatchJob,
  GeminiImageRequest,
  GeminiJsonRequest,
  GeminiPort,
  GeminiResponse,
  GeminiUsage,
} from './gemini-port.js';
import { ProxyError } from './proxy-error.js';
import { streamedAnswer } from './streamed-answer.js';

/**
 * The API version each backend is called on, set explicitly instead of the SDK's default (`v1` for the Gemini API,
 * `v1beta1` for Vertex in SDK 3.x): Google's image-generation docs call these models on `v1beta`, and Vertex serves
 * its GA models on `v1`. config/models.md has the sources.
 */
export const API_VERSIONS = { gemini: 'v1beta', vertex: 'v1' } as const;

export type GeminiBackendConfig =
  | { backend: 'gemini'; apiKey: string; baseUrl?: string }
  | { backend: 'vertex'; apiKey?: string; project?: string; location?: string; baseUrl?: string; authClient?: unknown };

/** Builds the port over the real SDK. `secrets` are scrubbed from anything passed on to a client. */
export function createGeminiClient(config: GeminiBackendConfig): GeminiPort {
  const options: GoogleGenAIOptions = {
    httpOptions: { apiVersion: API_VERSIONS[config.backend], ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) },
  };
  if (config.backend === 'gemini') {
    options.apiKey = config.apiKey;
  } else {
    options.vertexai = true;
    if (config.apiKey) options.apiKey = config.apiKey;
    if (config.project) options.project = config.project;
    if (config.location) options.location = config.location;
    // Tests hand in a stub auth client, as Google's own replay tests do (docs/gemini-platform.md#endpoints).
    if (config.authClient) options.googleAuthOptions = { authClient: config.authClient as never };
  }
  const ai = new GoogleGenAI(options);
  const secrets = config.apiKey ? [config.apiKey] : [];

  return {
    backend: config.backend,
    async generateImage(request: GeminiImageRequest): Promise<GeminiResponse> {
      const params = {
        model: request.model,
        // A replayed call sends the earlier contents first, model parts exactly as Gemini gave them: signatures
        // must go back byte for byte on the part they came with (docs/gemini-platform.md#thought-signatures).
        contents: [...(request.history ?? []), { role: 'user', parts: request.parts }],
        config: {
          // IMAGE only: asking for text too makes text-only answers likelier (docs/gemini-platform.md#request-knobs).
          responseModalities: [Modality.IMAGE],
          imageConfig: {
            ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
            ...(request.imageSize ? { imageSize: request.imageSize } : {}),
          },
          // Thought summaries and interim images come only when asked for (docs/gemini-platform.md#request-knobs).
          ...(request.includeThoughts ? { thinkingConfig: { includeThoughts: true } } : {}),
          abortSignal: request.signal,
        },
      };
      try {
        if (!request.onProgress) return responseOf(await ai.models.generateContent(params));
        // Live previews: the same call streamed; the chunks are put back together as one answer.
        const answer = streamedAnswer(request.onProgress);
        for await (const chunk of await ai.models.generateContentStream(params)) answer.add(responseOf(chunk));
        return answer.answer();
      } catch (error) {
        throw toProxyError(error, request.signal, secrets);
      }
    },
    async generateJson(request: GeminiJsonRequest): Promise<GeminiResponse> {
      try {
        const response = await ai.models.generateContent({
          model: request.model,
          contents: [{ role: 'user', parts: request.parts }],
          // JSON out, thinking off: Google's guide for segmentation (docs/gemini-platform.md#segmentation-masks).
          config: {
            responseMimeType: 'application/json',
            thinkingConfig: { thinkingBudget: 0 },
            abortSignal: request.signal,
          },
        });
        return responseOf(response);
      } catch (error) {
        throw toProxyError(error, request.signal, secrets);
      }
    },
    ...batchMethods(ai, secrets),
    checkModels: (ids, signal) =>
      checkModelsWith(ai.models, config.backend, ids, isNotFound, signal).catch((error: unknown) => {
        throw toProxyError(error, signal ?? new AbortController().signal, secrets);
      }),
  };
}

/**
 * The Batch API over `ai.batches` (docs/gemini-platform.md#batch-api): inlined requests, each configured as
 * `generateImage` configures a call; the answers read from `dest.inlinedResponses`, as the SDK maps them.
 */
function batchMethods(ai: GoogleGenAI, secrets: readonly string[]): Pick<GeminiPort, BatchMethod> {
  const fail = (error: unknown): never => {
    throw toProxyError(error, new AbortController().signal, secrets);
  };
  return {
    submitBatch: async (model, requests, displayName) => {
      const src: InlinedRequest[] = requests.map((request) => ({
        contents: [{ role: 'user', parts: request.parts }],
        config: {
          responseModalities: [Modality.IMAGE],
          imageConfig: {
            ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
            ...(request.imageSize ? { imageSize: request.imageSize } : {}),
          },
        },
      }));
      return batchJobOf(await ai.batches.create({ model, src, config: { displayName } }).catch(fail));
    },
    getBatch: async (name) => batchJobOf(await ai.batches.get({ name }).catch(fail)),
    cancelBatch: async (name) => {
      await ai.batches.cancel({ name }).catch(fail);
    },
  };
}

type BatchMethod = 'submitBatch' | 'getBatch' | 'cancelBatch';

const JOB_STATES: Partial<Record<JobState, GeminiBatchJob['state']>> = {
  [JobState.JOB_STATE_PENDING]: 'pending',
  [JobState.JOB_STATE_QUEUED]: 'pending',
  [JobState.JOB_STATE_RUNNING]: 'running',
  [JobState.JOB_STATE_SUCCEEDED]: 'succeeded',
  [JobState.JOB_STATE_PARTIALLY_SUCCEEDED]: 'succeeded',
  [JobState.JOB_STATE_FAILED]: 'failed',
  [JobState.JOB_STATE_CANCELLING]: 'running',
  [JobState.JOB_STATE_CANCELLED]: 'cancelled',
  [JobState.JOB_STATE_EXPIRED]: 'expired',
};

function batchJobOf(job: BatchJob): GeminiBatchJob {
  const state = (job.state && JOB_STATES[job.state]) ?? 'pending';
  const inlined = job.dest?.inlinedResponses;
  return {
    name: job.name ?? '',
    state,
    responses:
      state === 'succeeded' && inlined
        ? inlined.map((item) =>
            item.response
              ? {
                  response: {
                    ...(item.response.promptFeedback ? { promptFeedback: item.response.promptFeedback } : {}),
                    ...(item.response.candidates
                      ? { candidates: item.response.candidates as GeminiResponse['candidates'] }
                      : {}),
                    usage: usageOf(item.response.usageMetadata),
                  },
                }
              : { error: { code: item.error?.code ?? 500, message: item.error?.message ?? 'No answer.' } },
          )
        : null,
  };
}

/** An SDK answer (or one chunk of a streamed one) in the port's terms. */
function responseOf(response: GenerateContentResponse): GeminiResponse {
  return {
    ...(response.promptFeedback ? { promptFeedback: response.promptFeedback } : {}),
    ...(response.candidates ? { candidates: response.candidates as GeminiResponse['candidates'] } : {}),
    usage: usageOf(response.usageMetadata),
    ...(response.modelVersion ? { modelVersion: response.modelVersion } : {}),
  };
}

/** The SDK's `usageMetadata` as the port reports it; a detail Gemini left out stays null (core/models.ts). */
export function usageOf(usage: GenerateContentResponseUsageMetadata | undefined): GeminiUsage {
  const imageTokens = (details: ModalityTokenCount[] | undefined): number | null =>
    details
      ? details.filter((d) => d.modality === MediaModality.IMAGE).reduce((n, d) => n + (d.tokenCount ?? 0), 0)
      : null;
  return {
    promptTokens: usage?.promptTokenCount ?? 0,
    promptImageTokens: imageTokens(usage?.promptTokensDetails),
    candidatesTokens: usage?.candidatesTokenCount ?? null,
    candidatesImageTokens: imageTokens(usage?.candidatesTokensDetails),
    thoughtsTokens: usage?.thoughtsTokenCount ?? 0,
    totalTokens: usage?.totalTokenCount ?? 0,
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function toProxyError(error: unknown, signal: AbortSignal, secrets: readonly string[]): ProxyError {
  if (error instanceof ProxyError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof ProxyError) return reason;
    return new ProxyError('cancelled');
  }
  if (error instanceof ApiError) return upstreamError(error.status, error.message, secrets);
  // A dropped connection or a body that is not JSON: the SDK throws a plain Error.
  return new ProxyError(
    'upstream_unavailable',
    'The connection to Gemini failed before an answer arrived. Try again in a moment.',
  );
}
