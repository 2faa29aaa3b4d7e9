/**
 * Live replay through the proxy (docs/live-replay.md), the first half: a turn asks for the model's own answer
 * (`returnModelTurn`) and gets Gemini's content exactly, signatures byte for byte; and the cache keys on the history
 * a later turn replays. The replays themselves are in live-replay-history.test.ts.
 */
import { GoogleGenAI } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { modelsResponseSchema, type ModelTurn } from '../../core/proxy-schema.js';
import { TEST_KEY } from '../support/proxy-harness.js';
import {
  callsFor,
  contentsOf,
  firstTurn,
  FLASH,
  h,
  post,
  SOURCE,
  useLiveReplayHarness,
  userOf,
} from './live-replay-fixtures.js';

useLiveReplayHarness();

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
