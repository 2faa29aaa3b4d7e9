/**
 * Live replay through the proxy (docs/live-replay.md): the whole app with the real `@google/genai` client over HTTP to
 * the Gemini double. A turn asks for the model's own answer (`returnModelTurn`), the next one replays it as `history`;
 * the double checks the signatures the way Gemini does (docs/gemini-platform.md#thought-signatures) and records what it
 * got, so these tests see exactly what went upstream.
 */
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/errors.js';
import { createImage, encodePng } from '../../core/png.js';
import {
  generateResponseSchema,
  modelsResponseSchema,
  type GenerateRequest,
  type ModelTurn,
} from '../../core/proxy-schema.js';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { generateRequest, startHarness, TEST_KEY, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const FLASH = 'gemini-3.1-flash-image';
const OLD = 'gemini-2.5-flash-image';

const png = (w: number, height: number, rgba: [number, number, number, number]): string =>
  Buffer.from(encodePng(createImage(w, height, rgba))).toString('base64');
const SOURCE = png(64, 80, [30, 120, 200, 255]);

async function post(body: unknown): Promise<{ status: number; json: any; id: string }> {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return { status: res.status, json: await res.json(), id: res.headers.get('x-request-id')! };
}

/** Upstream calls whose body mentions `marker`. */
const callsFor = (marker: string) => h.double.requests.filter((r) => JSON.stringify(r.body ?? '').includes(marker));

/** The `contents` Gemini got on a recorded call. */
const contentsOf = (call: { body: unknown }) =>
  (call.body as { contents: { role: string; parts: Record<string, unknown>[] }[] }).contents;

/** A first turn: an edit of SOURCE that asks for the model's answer. Returns the request and the answer. */
async function firstTurn(prompt: string, model = FLASH) {
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
const userOf = (request: Pick<GenerateRequest, 'images' | 'prompt'>) => ({
  role: 'user' as const,
  parts: [
    ...(request.images ?? []).map((i) => ({ inlineData: { mimeType: i.mimeType, data: i.data } })),
    { text: request.prompt },
  ],
});

describe('returnModelTurn', () => {
  it('sends the answer’s image once: its part in modelTurn has empty data, and the panel puts image.data back', async () => {
    const { answer, wire } = await firstTurn('sent once lr-0');
    expect(wire.modelTurn.parts.map((p: { inlineData?: { data: string } }) => p.inlineData?.data)).toEqual(['']);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(answer).length - answer.image.data.length / 2);
    expect(answer.modelTurn!.parts[0]!.inlineData!.data).toBe(answer.image.data);
  });

  it('hands back the model’s content exactly as Gemini sent it, signatures byte for byte', async () => {
    const { answer } = await firstTurn('warmer light lr-1');
    const turn = answer.modelTurn!;
    expect(turn.role).toBe('model');
    // The double signs the first text part (none here: IMAGE only) and every image part on Gemini 3.
    expect(turn.parts.map((p) => Object.keys(p).sort())).toEqual([['inlineData', 'thoughtSignature']]);
    expect(turn.parts[0]!.inlineData!.data).toBe(answer.image.data);

    // Gemini (the double) answers the same request with the same bytes: ask it directly with the SDK, through
    // no proxy, and compare part for part.
    const [call] = callsFor('warmer light lr-1');
    const ai = new GoogleGenAI({ apiKey: TEST_KEY, httpOptions: { baseUrl: h.double.url } });
    const sent = call!.body as { contents: never; generationConfig: { imageConfig: never } };
    const direct = await ai.models.generateContent({
      model: FLASH,
      contents: sent.contents,
      config: { responseModalities: ['IMAGE'], imageConfig: sent.generationConfig.imageConfig },
    });
    expect(turn.parts).toEqual(direct.candidates![0]!.content!.parts);
  });

  it('keeps thought images and every signature in place ([double:thoughts])', async () => {
    const { answer } = await firstTurn('with thoughts lr-2 [double:thoughts]');
    const parts = answer.modelTurn!.parts;
    expect(parts.map((p) => [p.thought ?? false, Boolean(p.thoughtSignature)])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    // The image returned is still the last non-thought one.
    expect(parts[2]!.inlineData!.data).toBe(answer.image.data);
  });

  it('is absent unless asked for: an old client gets exactly the body it always got', async () => {
    const res = await post({
      model: FLASH,
      prompt: 'old client lr-3',
      images: [{ data: SOURCE, mimeType: 'image/png', role: 'base' }],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['cached', 'image', 'model', 'usage']);
    expect(contentsOf(callsFor('old client lr-3')[0]!).map((c) => c.role)).toEqual(['user']);
  });

  it('/v1/models says which models sign their turns', async () => {
    const body = modelsResponseSchema.parse(await (await h.app.request('/v1/models')).json());
    expect(Object.fromEntries(body.models.map((m) => [m.id, m.thoughtSignatures]))).toEqual({
      'gemini-nano-banana-2.1': true,
      'gemini-2.5-flash-image': false,
      'gemini-3-pro-image': true,
      'gemini-3.1-flash-image': true,
    });
  });
});

describe('history', () => {
  it('replays the earlier turns before the new instruction, and Gemini answers from its own image', async () => {
    const first = await firstTurn('navy jacket lr-4');
    const history = [userOf(first.request), first.answer.modelTurn!];
    const second = await post({
      model: FLASH,
      prompt: 'now remove the logo lr-4',
      aspectRatio: '4:5',
      history,
      returnModelTurn: true,
    });
    expect(second.status).toBe(200);
    const answer = generateResponseSchema.parse(second.json);

    const [call] = callsFor('now remove the logo lr-4');
    const contents = contentsOf(call!);
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    // The earlier user turn as it was sent, the model's content untouched, then the new words alone.
    expect(contents[0]).toEqual(userOf(first.request));
    expect(contents[1]).toEqual(first.answer.modelTurn);
    expect(contents[2]).toEqual({ role: 'user', parts: [{ text: 'now remove the logo lr-4' }] });
    expect(call!.status).toBe(200);
    // The new answer is signed too, ready for a third turn.
    expect(answer.modelTurn!.parts.every((p) => p.thoughtSignature)).toBe(true);
    expect(answer.image.data).not.toBe(first.answer.image.data);

    // Gemini bills every replayed image: two input images (the source and the model's), as the usage row says.
    const record = await h.store.usageRecord(second.id);
    expect(record?.inputImages).toBe(2);
    expect(answer.usage.inputTokens).toBe(
      Math.ceil(('navy jacket lr-4' + 'now remove the logo lr-4').length / 4) + 2 * 560,
    );
  });

  it('sends three turns of history in order on the third call', async () => {
    const first = await firstTurn('turn one lr-5');
    const history1 = [userOf(first.request), first.answer.modelTurn!];
    const second = withFullModelTurn(
      generateResponseSchema.parse(
        (await post({ model: FLASH, prompt: 'turn two lr-5', history: history1, returnModelTurn: true })).json,
      ),
    );
    const history2 = [...history1, userOf({ prompt: 'turn two lr-5' }), second.modelTurn!];
    const third = await post({ model: FLASH, prompt: 'turn three lr-5', history: history2 });
    expect(third.status).toBe(200);
    const contents = contentsOf(callsFor('turn three lr-5')[0]!);
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user']);
    expect([contents[1], contents[3]]).toEqual([first.answer.modelTurn, second.modelTurn]);
    expect(third.json.modelTurn).toBeUndefined(); // not asked for
  });

  it('a model turn without its signatures on Gemini 3 is replay_rejected, in plain words', async () => {
    const first = await firstTurn('unsigned lr-6');
    const unsigned: ModelTurn = {
      role: 'model',
      parts: first.answer.modelTurn!.parts.map(({ thoughtSignature: _gone, ...part }) => part),
    };
    const res = await post({ model: FLASH, prompt: 'again lr-6', history: [userOf(first.request), unsigned] });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'replay_rejected', message: ERROR_MESSAGES.replay_rejected });
    // Gemini said why (the double answers as Google does), once: a 400 is never retried.
    const calls = callsFor('again lr-6');
    expect(calls.map((c) => c.status)).toEqual([400]);
    expect(JSON.stringify(res.json)).not.toContain(TEST_KEY);
    expect((await h.store.usageRecord(res.id))?.outcome).toBe('replay_rejected');
  });

  it('a signature Gemini will not take is replay_rejected too ([double:invalid-signature])', async () => {
    const first = await firstTurn('foreign signature lr-7');
    const res = await post({
      model: FLASH,
      prompt: 'again lr-7 [double:invalid-signature]',
      history: [userOf(first.request), first.answer.modelTurn!],
    });
    expect([res.status, res.json.error.code]).toEqual([409, 'replay_rejected']);
    // The same words sent stateless are answered: only the replay was refused.
    const stateless = await post({
      model: FLASH,
      prompt: 'again lr-7 [double:invalid-signature]',
      images: [{ data: SOURCE, mimeType: 'image/png', role: 'base' }],
    });
    expect(stateless.status).toBe(200);
  });

  it('2.5 Flash Image signs nothing and takes a replay without signatures', async () => {
    const first = await firstTurn('old model lr-8', OLD);
    expect(first.answer.modelTurn!.parts.some((p) => p.thoughtSignature)).toBe(false);
    const res = await post({
      model: OLD,
      prompt: 'again lr-8',
      history: [userOf(first.request), first.answer.modelTurn!],
    });
    expect(res.status).toBe(200);
  });

  it('counts replayed user images against the model’s limit', async () => {
    // 2.5 Flash Image takes 3 input images: two in the history and two new ones are four.
    const image = { data: SOURCE, mimeType: 'image/png' as const };
    const history = [
      { role: 'user', parts: [{ inlineData: image }, { inlineData: image }, { text: 'two images lr-9' }] },
      { role: 'model', parts: [{ inlineData: image }] },
    ];
    const res = await post({
      model: OLD,
      prompt: 'over the limit lr-9',
      history,
      images: [
        { ...image, role: 'style' },
        { ...image, role: 'subject' },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([400, 'too_many_images']);
    expect(callsFor('over the limit lr-9')).toEqual([]);
  });

  it('refuses a replayed image that is not one, before calling Gemini', async () => {
    const broken = Buffer.from('this is not a picture at all').toString('base64');
    const res = await post({
      model: FLASH,
      prompt: 'broken lr-10',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: broken }, thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([415, 'unsupported_image']);
    expect(res.json.error.message).toMatch(/^Image 1 of the earlier turns is not a PNG, JPEG or WebP image/);
    expect(callsFor('broken lr-10')).toEqual([]);
  });

  it('holds the body limit: history counts toward it (8 MB in this harness)', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024, 1).toString('base64'); // 9.3 MB of base64
    const res = await post({
      model: FLASH,
      prompt: 'too big lr-11',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: big }, thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([413, 'request_too_large']);
    expect(callsFor('too big lr-11')).toEqual([]);
  });
});

describe('the cache', () => {
  it('keys on the history: another history is another request, the same one is answered from the cache', async () => {
    const first = await firstTurn('cache base lr-12');
    const other = await firstTurn('cache other lr-12');
    const body = (history: unknown[]) => ({ model: FLASH, prompt: 'same words lr-12', history, returnModelTurn: true });
    const a = await post(body([userOf(first.request), first.answer.modelTurn!]));
    const b = await post(body([userOf(other.request), other.answer.modelTurn!]));
    expect([a.json.cached, b.json.cached]).toEqual([false, false]);
    expect(callsFor('same words lr-12')).toHaveLength(2);
    expect(a.json.image.data).not.toBe(b.json.image.data);

    // The very same replay again: free from the cache. The cache keeps only the image, so no modelTurn (the panel
    // then continues that turn stateless).
    const again = await post(body([userOf(first.request), first.answer.modelTurn!]));
    expect(again.json.cached).toBe(true);
    expect(again.json.image.data).toBe(a.json.image.data);
    expect(again.json.modelTurn).toBeUndefined();
    expect(callsFor('same words lr-12')).toHaveLength(2);

    // A stateless request with the same words is yet another entry.
    const stateless = await post({ model: FLASH, prompt: 'same words lr-12' });
    expect(stateless.json.cached).toBe(false);
  });

  it('a changed signature is a different request', async () => {
    const first = await firstTurn('signature key lr-13');
    const turn = first.answer.modelTurn!;
    const changed: ModelTurn = {
      role: 'model',
      parts: turn.parts.map((p) => ({ ...p, thoughtSignature: 'c2tpcF90aG91Z2h0X3NpZ25hdHVyZV92YWxpZGF0b3I=' })),
    };
    const body = (model: ModelTurn) => ({
      model: FLASH,
      prompt: 'sig words lr-13',
      history: [userOf(first.request), model],
    });
    expect((await post(body(turn))).json.cached).toBe(false);
    expect((await post(body(changed))).json.cached).toBe(false);
    expect(callsFor('sig words lr-13')).toHaveLength(2);
  });
});
