/**
 * Live replay at the size Gemini really signs (docs/live-replay.md "Size"): the double signs each Gemini 3 image
 * part with 597,616 base64 characters, as a recorded gemini-3.1-flash-image answer did. A chain of the longest
 * replay (6 turns) goes through the proxy at its default body limit, every signature byte for byte; a body over the
 * limit is refused with both sizes in megabytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { contentsChars, MAX_REPLAY_CHARS, MAX_REPLAY_TURNS } from '../../core/live-replay.js';
import { createImage, encodePng } from '../../core/png.js';
import { generateResponseSchema, type GenerateRequest, type ModelTurn } from '../../core/proxy-schema.js';
import { DEFAULT_SERVING_LIMITS } from '../../proxy/proxy-config.js';
import { IMAGE_SIGNATURE_CHARS } from '../../dev/gemini-double/answer.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxBodyBytes: DEFAULT_SERVING_LIMITS.maxBodyBytes });
});
afterAll(async () => {
  await h.close();
});

const FLASH = 'gemini-3.1-flash-image';
const SOURCE = Buffer.from(encodePng(createImage(96, 120, [200, 90, 40, 255]))).toString('base64');

type Content = NonNullable<GenerateRequest['history']>[number];

async function post(body: GenerateRequest): Promise<{ status: number; json: any }> {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return { status: res.status, json: await res.json() };
}

/** The `contents` the double got on the call whose prompt has `marker`. */
function upstreamContents(marker: string): Content[] {
  const call = h.double.requests.find((r) => JSON.stringify(r.body ?? '').includes(marker));
  return (call?.body as { contents: Content[] }).contents;
}

describe('signatures at their real size', () => {
  it(`replays ${MAX_REPLAY_TURNS} turns, each signed with ${IMAGE_SIGNATURE_CHARS.toLocaleString('en')} characters, byte for byte`, async () => {
    const history: Content[] = [];
    const turns: ModelTurn[] = [];
    for (let n = 1; n <= MAX_REPLAY_TURNS; n++) {
      const prompt = `size turn ${n} lrs`;
      const images = n === 1 ? [{ data: SOURCE, mimeType: 'image/png' as const, role: 'base' as const }] : [];
      const res = await post({
        model: FLASH,
        prompt,
        images,
        history: history.length ? [...history] : undefined,
        returnModelTurn: true,
      });
      expect(res.status).toBe(200);
      const answer = withFullModelTurn(generateResponseSchema.parse(res.json));
      expect(answer.image.mimeType).toBe('image/jpeg');
      const turn = answer.modelTurn!;
      expect(turn.parts.at(-1)?.thoughtSignature).toHaveLength(IMAGE_SIGNATURE_CHARS);
      turns.push(turn);
      history.push(
        {
          role: 'user',
          parts: [...images.map(({ data, mimeType }) => ({ inlineData: { data, mimeType } })), { text: prompt }],
        },
        turn,
      );
    }
    const chars = contentsChars(history);
    expect(chars).toBeGreaterThan(MAX_REPLAY_TURNS * IMAGE_SIGNATURE_CHARS);
    expect(chars).toBeLessThan(MAX_REPLAY_CHARS);

    const res = await post({ model: FLASH, prompt: 'size turn 7 lrs', history });
    expect(res.status).toBe(200);
    const sent = upstreamContents('size turn 7 lrs');
    expect(sent.map((c) => c.role)).toEqual([...Array(MAX_REPLAY_TURNS).fill(['user', 'model']).flat(), 'user']);
    const sentModelTurns = sent.filter((c) => c.role === 'model');
    expect(sentModelTurns.map((c) => c.parts.map((p) => p.thoughtSignature))).toEqual(
      turns.map((t) => t.parts.map((p) => p.thoughtSignature)),
    );
  }, 60_000);

  it('refuses a body over the limit with 413, both sizes in megabytes', async () => {
    const body = JSON.stringify({
      model: FLASH,
      prompt: 'too big lrs',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: [{ text: 'y', thoughtSignature: 'A'.repeat(65 * 1024 * 1024) }] },
      ],
    });
    const init = generateRequest(body);
    const res = await h.app.request('/v1/generate', {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('request_too_large');
    expect(error.message).toBe(
      'The request is 65.0 MB; this proxy takes at most 64 MB. Use a smaller frame, a lower export scale or fewer reference images.',
    );
  });
});
