/**
 * The published Gemini exchanges in test/contract/recordings/ (sources and provenance in its README.md), and how
 * each becomes the HTTP answer the replay server sends: status, content type and body.
 */
import { readFileSync } from 'node:fs';
import { fillRedactions, type Substitution } from './redaction-fill.js';

/** How a file holds its exchange. */
export type RecordingFormat =
  /** The file is the response body exactly as Google sent it; the status is its `error.code`, else 200. */
  | { kind: 'body' }
  /** The file is a capture holding the body under `member` (re-serialised with two-space indent to serve). */
  | { kind: 'member'; member: string }
  /** The file is the `alt=sse` stream text, served byte for byte. */
  | { kind: 'sse' }
  /** A `@google/genai` replay file: `interactions[0].response` with its status, headers and body segments. */
  | { kind: 'js-genai' };

export interface Recording {
  file: string;
  format: RecordingFormat;
}

/** Every recording, by the id the tests and the README use. */
export const RECORDINGS = {
  'flash-3.1-jpeg': { file: 'vercel-ai/google-image-gemini-3.1-flash-image.json', format: { kind: 'body' } },
  'flash-3.1-no-image': { file: 'vercel-ai/google-image-no-image-live.json', format: { kind: 'body' } },
  'flash-3.1-prompt-block': { file: 'vercel-ai/issue-19758-image-prompt-block.json', format: { kind: 'body' } },
  '429-retry-info-34.4s': { file: 'vercel-ai/google-429-retry-info.json', format: { kind: 'body' } },
  '400-thinking-level': {
    file: 'vercel-ai/issue-22372-live-errors.json',
    format: { kind: 'member', member: 'reasoningNoneResponse' },
  },
  'pro-3-sse-signature': {
    file: 'vercel-ai/issue-10660-image-thought-signature.chunks.txt',
    format: { kind: 'sse' },
  },
  'flash-2.0-sse-png': {
    file: 'googleapis-js-genai/Client_Tests_generateContentStream_ML_Dev_should_stream_generate_content_with_image_output.json',
    format: { kind: 'js-genai' },
  },
  '400-api-key-invalid': {
    file: 'firebase-vertexai-sdk-test-data/googleai-unary-failure-api-key.json',
    format: { kind: 'body' },
  },
  '404-unknown-model': {
    file: 'firebase-vertexai-sdk-test-data/googleai-unary-failure-unknown-model.json',
    format: { kind: 'body' },
  },
  'finish-safety': {
    file: 'firebase-vertexai-sdk-test-data/googleai-unary-failure-finish-reason-safety.json',
    format: { kind: 'body' },
  },
  '429-no-retry-info': {
    file: 'firebase-vertexai-sdk-test-data/vertexai-unary-failure-quota-exceeded.json',
    format: { kind: 'body' },
  },
  '429-retry-info-26s': { file: 'issue-threads/roocode-3883-429-retry-info.json', format: { kind: 'body' } },
  '400-missing-signature': {
    file: 'issue-threads/archestra-2548-400-missing-thought-signature.json',
    format: { kind: 'body' },
  },
  '401-unauthenticated': { file: 'issue-threads/xalgorix-2-401-unauthenticated.json', format: { kind: 'body' } },
  '403-key-service-blocked': {
    file: 'issue-threads/continuedev-continue-12781-403-api-key-service-blocked.json',
    format: { kind: 'body' },
  },
  '500-internal': { file: 'issue-threads/publicaffairs-openai-gemini-15-500-internal.json', format: { kind: 'body' } },
  '503-overloaded': { file: 'issue-threads/berriai-litellm-18118-503-overloaded.json', format: { kind: 'body' } },
} satisfies Record<string, Recording>;

export type RecordingId = keyof typeof RECORDINGS;

/** What the replay server answers for one recording. */
export interface ReplayExchange {
  status: number;
  contentType: string;
  body: string;
  /** Redacted fields that were filled in to serve it (none for most recordings). */
  substitutions: Substitution[];
}

/** Google's content type for a unary answer or error. */
const JSON_TYPE = 'application/json; charset=UTF-8';

/** The file's text exactly as stored. */
export function recordingText(id: RecordingId): string {
  return readFileSync(new URL(`./recordings/${RECORDINGS[id].file}`, import.meta.url), 'utf8');
}

/** The HTTP answer for a recording, redactions filled. */
export function exchangeOf(id: RecordingId): ReplayExchange {
  const recording: Recording = RECORDINGS[id];
  const text = recordingText(id);
  const { format } = recording;
  if (format.kind === 'sse') {
    return { status: 200, contentType: 'text/event-stream', body: text, substitutions: [] };
  }
  if (format.kind === 'js-genai') return jsGenaiExchange(text);
  const { text: filled, substitutions } = fillRedactions(text);
  const parsed = JSON.parse(filled) as Record<string, unknown>;
  const body = format.kind === 'member' ? `${JSON.stringify(parsed[format.member], null, 2)}\n` : filled;
  const served = JSON.parse(body) as { error?: { code?: number } };
  return { status: served.error?.code ?? 200, contentType: JSON_TYPE, body, substitutions };
}

interface JsGenaiRecording {
  interactions: {
    response: { statusCode: number; headers: Record<string, string>; bodySegments: unknown[] };
  }[];
}

/** A js-genai replay file stores each SSE event's JSON as a segment; served as `data: <json>\r\n\r\n` events. */
function jsGenaiExchange(text: string): ReplayExchange {
  const { response } = (JSON.parse(text) as JsGenaiRecording).interactions[0]!;
  return {
    status: response.statusCode,
    contentType: response.headers['Content-Type'] ?? JSON_TYPE,
    body: response.bodySegments.map((segment) => `data: ${JSON.stringify(segment)}\r\n\r\n`).join(''),
    substitutions: [],
  };
}
