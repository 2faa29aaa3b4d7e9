/**
 * What the proxy needs from Gemini, in our own terms. `gemini-client.ts` implements it with `@google/genai`
 * (the only file that imports it); everything else in the proxy sees only these types.
 */
import type { ImageSize, UsageBreakdown } from '../core/models.js';

/** One part of the user turn sent to Gemini: an inline image or text, in order. */
export type GeminiInputPart = { inlineData: { data: string; mimeType: string } } | { text: string };

/** One earlier content replayed before the user turn (live replay): its parts go to Gemini exactly as given. */
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiImageRequest {
  model: string;
  /** Earlier user and model contents, oldest first (docs/live-replay.md); absent for a stateless turn. */
  history?: GeminiContent[];
  /** The new user turn. */
  parts: GeminiInputPart[];
  aspectRatio?: string;
  /** Omitted for models without a size knob. */
  imageSize?: ImageSize;
  /** Aborts the upstream call: the client went away, or the per-request timeout fired. */
  signal: AbortSignal;
  /**
   * Live previews (docs/proxy-api.md#live-previews): when set, the call is streamed (`streamGenerateContent`) and
   * this hears each step as its chunk arrives. The answer resolved is the same as a unary call's, without the
   * unsigned thought parts (they were reported here).
   */
  onProgress?: (progress: GeminiProgress) => void;
  /** Ask for thought summaries and interim images (`thinkingConfig.includeThoughts`); only for models that think. */
  includeThoughts?: boolean;
}

/** One step of a streamed answer: a thought summary, an interim thought image, or the final image's arrival. */
export type GeminiProgress =
  { kind: 'thinking' } | { kind: 'draft'; image: { mimeType: string; data: string } } | { kind: 'final' };

/**
 * A call to a text model for a JSON answer (segmentation masks: docs/gemini-platform.md#segmentation-masks), with
 * thinking off as Google recommends for detection and segmentation.
 */
export interface GeminiJsonRequest {
  model: string;
  /** The user turn: the image, then the instruction. */
  parts: GeminiInputPart[];
  signal: AbortSignal;
}

/** Token counts as `usageMetadata` reports them, by modality where Gemini says (core/models.ts prices them). */
export type GeminiUsage = UsageBreakdown;

/** A raw candidate part, as far as we read it. */
export interface GeminiPart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { data?: string; mimeType?: string };
}

/** The parts of a `GenerateContentResponse` that decide the outcome. */
export interface GeminiResponse {
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  candidates?: { content?: { parts?: GeminiPart[] }; finishReason?: string; finishMessage?: string }[];
  usage: GeminiUsage;
  modelVersion?: string;
}

/** One request of a Batch API job: the user turn and its image settings, as for {@link GeminiImageRequest}. */
export interface GeminiBatchRequest {
  parts: GeminiInputPart[];
  aspectRatio?: string;
  imageSize?: ImageSize;
}

/** A Batch API job as Google reports it (docs/gemini-platform.md#batch-api). */
export interface GeminiBatchJob {
  /** `batches/{id}`. */
  name: string;
  state: 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  /** Once succeeded: one per request, in order; each an answer or an error with Google's HTTP-like code. */
  responses: ({ response: GeminiResponse } | { error: { code: number; message: string } })[] | null;
}

/** The Gemini backend. Failures are thrown as `ProxyError` with a specific code. */
export interface GeminiPort {
  /** "gemini" for the Gemini API, "vertex" for Vertex AI. */
  readonly backend: 'gemini' | 'vertex';
  generateImage(request: GeminiImageRequest): Promise<GeminiResponse>;
  /** One text answer in JSON (`responseMimeType: application/json`, thinking budget 0). */
  generateJson(request: GeminiJsonRequest): Promise<GeminiResponse>;
  /**
   * Which of `ids` this key can call now: each id maps to null (reachable) or why not. The Gemini API answers from
   * the key's model list; Vertex, whose list is the whole publisher catalogue, from `models.get` per id. A failure
   * of the check itself is thrown as `ProxyError`.
   */
  checkModels(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, string | null>>;
  /** Submits one Batch API job of inlined requests (Gemini API only). */
  submitBatch(model: string, requests: readonly GeminiBatchRequest[], displayName: string): Promise<GeminiBatchJob>;
  /** The job's state, with its answers once it has succeeded. */
  getBatch(name: string): Promise<GeminiBatchJob>;
  /** Cancels the job at Google. */
  cancelBatch(name: string): Promise<void>;
}
