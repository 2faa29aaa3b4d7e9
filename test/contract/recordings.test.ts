/**
 * Contract tests from published, recorded Gemini exchanges (test/contract/recordings/README.md): each recording
 * is replayed on loopback and reached the way a designer's request reaches Gemini, through the panel-facing
 * `POST /v1/generate`, the proxy, and the real `@google/genai` client. Each row is the answer we promise the
 * panel for what Google really sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../core/errors.js';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { generateResponseSchema } from '../../core/proxy-schema.js';
import { generateRequest, startHarness, TEST_KEY, type Harness } from '../support/proxy-harness.js';
import { FILL_JPEG_SIZE } from './redaction-fill.js';
import { exchangeOf, RECORDINGS, recordingText, type RecordingId } from './recording-catalogue.js';
import { replayMarker, startReplayServer, type ReplayServer } from './replay-server.js';

let replay: ReplayServer;
let h: Harness;
beforeAll(async () => {
  replay = await startReplayServer();
  h = await startHarness({ double: replay });
});
afterAll(async () => {
  await h?.close();
  await replay?.close();
});

const FLASH = 'gemini-3.1-flash-image';
const PRO = 'gemini-3-pro-image';

async function generate(id: RecordingId, model: string, extra: Record<string, unknown> = {}) {
  const body = { model, prompt: `${replayMarker(id)} a lighthouse at dusk`, cache: false, ...extra };
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as { error: { code: string; message: string } },
  };
}

interface Refusal {
  status: number;
  code: ErrorCode;
  /** Part of the message the designer reads. */
  says: RegExp;
  /** `Retry-After` the panel is given, when it is one. */
  retryAfter?: string;
  /** Calls the proxy made upstream: retried failures are tried three times. */
  upstreamCalls: number;
  /** Input and output tokens the usage row keeps, when Google reported usage with the refusal. */
  tokens?: [number, number];
}

// prettier-ignore
const REFUSALS: [RecordingId, string, Refusal][] = [
  ['flash-3.1-no-image', FLASH, { status: 422, code: 'no_image_returned', says: /could not make an image/, upstreamCalls: 1, tokens: [9, 0] }],
  ['flash-3.1-prompt-block', FLASH, { status: 422, code: 'safety_blocked', says: /blocked the prompt \(prohibited content\)/, upstreamCalls: 1, tokens: [9, 0] }],
  ['finish-safety', FLASH, { status: 422, code: 'safety_blocked', says: /blocked the generated image \(safety\)/, upstreamCalls: 1, tokens: [7, 20] }],
  ['429-retry-info-34.4s', FLASH, { status: 429, code: 'upstream_rate_limited', says: /Wait about 35 seconds/, retryAfter: '35', upstreamCalls: 1 }],
  ['429-retry-info-26s', FLASH, { status: 429, code: 'upstream_rate_limited', says: /Wait about 26 seconds/, retryAfter: '26', upstreamCalls: 1 }],
  ['429-no-retry-info', FLASH, { status: 429, code: 'upstream_rate_limited', says: /Wait about 30 seconds/, retryAfter: '30', upstreamCalls: 3 }],
  ['400-thinking-level', FLASH, { status: 502, code: 'upstream_rejected', says: /Gemini said: "Thinking level MINIMAL is not supported for this model\./, upstreamCalls: 1 }],
  ['400-missing-signature', PRO, { status: 409, code: 'replay_rejected', says: /thought signatures were refused/, upstreamCalls: 1 }],
  ['400-api-key-invalid', FLASH, { status: 502, code: 'upstream_auth_failed', says: /Gemini key was rejected/, upstreamCalls: 1 }],
  ['401-unauthenticated', FLASH, { status: 502, code: 'upstream_auth_failed', says: /Gemini key was rejected/, upstreamCalls: 1 }],
  ['403-key-service-blocked', FLASH, { status: 502, code: 'upstream_auth_failed', says: /permission denied or API not enabled/, upstreamCalls: 1 }],
  // Gemini's 404 for a model: the key can no longer reach it (proxy/model-availability.ts); the replacement is named.
  ['404-unknown-model', FLASH, { status: 410, code: 'model_unavailable', says: /no longer available to this team; use Nano Banana 2\.1/, upstreamCalls: 1 }],
  ['500-internal', FLASH, { status: 502, code: 'upstream_error', says: /internal error \(HTTP 500\)/, upstreamCalls: 3 }],
  ['503-overloaded', PRO, { status: 503, code: 'upstream_unavailable', says: /overloaded or unavailable/, upstreamCalls: 3 }],
];

describe('a recorded refusal or error reaches the panel as the error we promise', () => {
  it.each(REFUSALS)('%s (asked of %s)', async (id, model, promised) => {
    const res = await generate(id, model);
    expect(res.status).toBe(promised.status);
    expect(res.json.error.code).toBe(promised.code);
    expect(res.json.error.message).toMatch(promised.says);
    expect(res.headers.get('retry-after')).toBe(promised.retryAfter ?? null);
    expect(replay.callsFor(id)).toHaveLength(promised.upstreamCalls);
    expect(JSON.stringify(res.json)).not.toContain(TEST_KEY);
    const row = await h.store.usageRecord(res.headers.get('x-request-id')!);
    expect(row).toMatchObject({ outcome: promised.code, attempts: promised.upstreamCalls });
    if (promised.tokens) expect([row!.inputTokens, row!.outputTokens]).toEqual(promised.tokens);
  });
});

describe('the recorded Gemini 3.1 Flash JPEG answer', () => {
  const id: RecordingId = 'flash-3.1-jpeg';

  it('is served with its redacted image and signature filled to the recorded lengths, all else as published', () => {
    const { body, substitutions } = replay.exchange(id);
    const [image, signature] = substitutions;
    expect(image).toMatchObject({ what: 'image data', recordedLength: 439_196 });
    // The JPEG put in is ours, a real 1024×1024 JPEG: 453,200 characters where Google's was 439,196.
    expect(image!.usedLength).toBe(453_200);
    expect(signature).toMatchObject({ what: 'thought signature', recordedLength: 597_616, usedLength: 597_616 });
    const unfilled = body.replace(JSON.stringify(image!.value), '"<redacted live image data; length=439196>"');
    expect(unfilled.replace(JSON.stringify(signature!.value), '"<redacted thought signature; length=597616>"')).toBe(
      recordingText(id),
    );
  });

  it('gives the last non-thought inline image as image/jpeg at its real size, and the usage as reported', async () => {
    const res = await generate(id, FLASH);
    expect(res.status).toBe(200);
    const answer = generateResponseSchema.parse(res.json);
    const { data, ...seen } = answer.image;
    expect(seen).toEqual({ ...FILL_JPEG_SIZE, mimeType: 'image/jpeg' });
    expect(data === replay.exchange(id).substitutions[0]!.value, 'the image is the recorded part’s data').toBe(true);
    // Priced by modality (config/models.md): 1,120 image tokens at $60/M, the other 272 output tokens at the text
    // rate of $3/M, 10 input tokens at $0.50/M. Every output token at the image rate would have been $0.083525.
    expect(answer.usage).toMatchObject({ inputTokens: 10, outputTokens: 1392, totalTokens: 1402, costUsd: 0.068021 });
    const row = await h.store.usageRecord(res.headers.get('x-request-id')!);
    expect(row).toMatchObject({ outcome: 'ok', attempts: 1, inputTokens: 10, outputTokens: 1392, costUsd: 0.068021 });
    expect(replay.callsFor(id)[0]!.path).toMatch(new RegExp(`/models/${FLASH}:generateContent$`));
  });

  it('hands back modelTurn with the 597,616-character signature byte for byte when live replay asks for it', async () => {
    const res = await generate(id, FLASH, { returnModelTurn: true });
    expect(res.status).toBe(200);
    const answer = withFullModelTurn(generateResponseSchema.parse(res.json));
    const [image, signature] = replay.exchange(id).substitutions;
    // Compared piece by piece: a diff of two 600,000-character strings says nothing.
    const parts = answer.modelTurn?.parts ?? [];
    expect(answer.modelTurn?.role, 'modelTurn is returned').toBe('model');
    expect(parts.map((p) => [p.inlineData?.mimeType, p.thoughtSignature?.length])).toEqual([['image/jpeg', 597_616]]);
    expect(parts[0]?.thoughtSignature === signature!.value, 'signature byte for byte').toBe(true);
    expect(parts[0]?.inlineData?.data === image!.value, 'image data as sent').toBe(true);
  });
});

describe('the replay server', () => {
  // Recordings served as stored: no redaction filled, not rebuilt from a js-genai capture.
  const asStored = (Object.keys(RECORDINGS) as RecordingId[]).filter(
    (id) => RECORDINGS[id].format.kind !== 'js-genai' && exchangeOf(id).substitutions.length === 0,
  );

  it.each(asStored)('serves %s with the status Google sent and its bytes as published', async (id) => {
    const res = await fetch(`${replay.url}/v1beta/models/any:generateContent`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: replayMarker(id) }] }] }),
    });
    const text = await res.text();
    expect(res.status).toBe(replay.exchange(id).status);
    const { format } = RECORDINGS[id];
    const published = recordingText(id);
    if (format.kind === 'member') {
      expect(JSON.parse(text)).toEqual((JSON.parse(published) as Record<string, unknown>)[format.member]);
    } else {
      expect(text === published, 'byte for byte').toBe(true);
    }
  });
});
