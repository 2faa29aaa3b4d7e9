/**
 * Setup shared by the live replay tests through the proxy: the whole app with the real `@google/genai` client over
 * HTTP to the Gemini double, a first turn that asks for the model's own answer, and readers of what went upstream.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createImage, encodePng } from '../../core/png.js';
import { generateResponseSchema, type GenerateRequest } from '../../core/proxy-schema.js';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

/**
 * The harness of the file's tests, started by `useLiveReplayHarness` (an ES live binding: read it inside a test).
 */
export let h: Harness;

/** Starts the harness before the file's tests and closes it after them. Call once at the top of a test file. */
export function useLiveReplayHarness(): void {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
}

/** A model that signs its turns, and one that does not. */
export const FLASH = 'gemini-3.1-flash-image';
export const OLD = 'gemini-2.5-flash-image';

const png = (w: number, height: number, rgba: [number, number, number, number]): string =>
  Buffer.from(encodePng(createImage(w, height, rgba))).toString('base64');
/** The image the first turns edit, as base64 PNG. */
export const SOURCE = png(64, 80, [30, 120, 200, 255]);

/**
 * The JSON of a /v1/generate answer, read as loosely as the tests read it: the fields of a success and of an error
 * together, whichever it was (an assertion on a missing field fails, as it should).
 */
export interface GenerateJson {
  error: { code: string; message: string };
  cached: boolean;
  image: { data: string };
  modelTurn: { parts: { inlineData?: { data: string } }[] };
}

/** POSTs `body` to /v1/generate with the team token: the status, the JSON and the request id. */
export async function post(body: unknown): Promise<{ status: number; json: GenerateJson; id: string }> {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return { status: res.status, json: await res.json(), id: res.headers.get('x-request-id')! };
}

/** Upstream calls whose body mentions `marker`. */
export const callsFor = (marker: string) =>
  h.double.requests.filter((r) => JSON.stringify(r.body ?? '').includes(marker));

/** The `contents` Gemini got on a recorded call. */
export const contentsOf = (call: { body: unknown }) =>
  (call.body as { contents: { role: string; parts: Record<string, unknown>[] }[] }).contents;

/** A first turn: an edit of SOURCE that asks for the model's answer. Returns the request and the answer. */
export async function firstTurn(prompt: string, model = FLASH) {
  const request = {
    model,
    prompt,
    images: [{ data: SOURCE, mimeType: 'image/png', role: 'base' }],
    aspectRatio: '4:5',
    returnModelTurn: true,
  } satisfies GenerateRequest;
  const res = await post(request);
  expect(res.status).toBe(200);
  // As the panel keeps it: the wire form sends the image once (core/model-turn-wire.ts).
  return { request, answer: withFullModelTurn(generateResponseSchema.parse(res.json)), wire: res.json };
}

/** The user content the proxy sent for `request`: its images, then its prompt. */
export const userOf = (request: Pick<GenerateRequest, 'images' | 'prompt'>) => ({
  role: 'user' as const,
  parts: [
    ...(request.images ?? []).map((i) => ({ inlineData: { mimeType: i.mimeType, data: i.data } })),
    { text: request.prompt },
  ],
});
