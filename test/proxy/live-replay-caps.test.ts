/**
 * The panel plans a live replay by the rule the proxy refuses by (core/history-images.ts): every image of the
 * history that is not a thought counts against the model's input cap, the model turns' images too. A real session
 * is built through the proxy and the double, then the panel's decision (core/live-replay.ts) and the proxy's answer
 * are compared for each number of new references around the cap: where the panel says "replay", the proxy takes
 * it; where the proxy would say `too_many_images`, the panel has already gone stateless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayDecision, replayHistory, userContent, type LiveTurn } from '../../core/live-replay.js';
import { createImage, encodePng } from '../../core/png.js';
import { generateResponseSchema, modelsResponseSchema, type GenerateRequest } from '../../core/proxy-schema.js';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const FLASH = 'gemini-3.1-flash-image';
const png = (rgba: [number, number, number, number]) => ({
  data: Buffer.from(encodePng(createImage(48, 60, rgba))).toString('base64'),
  mimeType: 'image/png' as const,
});
const SOURCE = png([30, 120, 200, 255]);
const REFERENCE = png([200, 80, 40, 255]);

async function post(body: GenerateRequest) {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return { status: res.status, json: (await res.json()) as { error?: { code: string } } };
}

/** One turn made through the proxy, kept as the panel keeps it. */
async function turn(turnId: string, parent: LiveTurn | null, path: LiveTurn[], prompt: string): Promise<LiveTurn> {
  const images = parent ? [] : [SOURCE];
  const res = await post({
    model: FLASH,
    prompt,
    images: images.map((image) => ({ ...image, role: 'base' as const })),
    ...(parent ? { history: replayHistory(path) } : {}),
    returnModelTurn: true,
  });
  expect(res.status).toBe(200);
  const answer = withFullModelTurn(generateResponseSchema.parse(res.json));
  return {
    turnId,
    parentTurnId: parent?.turnId ?? null,
    model: FLASH,
    user: userContent(images, prompt),
    modelTurn: answer.modelTurn!,
  };
}

describe('live replay and the proxy’s image cap', () => {
  it('agree for every number of new references around the cap, thought images not counted', async () => {
    const cap = modelsResponseSchema
      .parse(await (await h.app.request('/v1/models')).json())
      .models.find((m) => m.id === FLASH)!.maxInputImages;
    const t1 = await turn('t1', null, [], 'caps turn one');
    // The second answer carries two interim thought images: neither side counts them.
    const t2 = await turn('t2', t1, [t1], 'caps turn two [double:thoughts]');
    const t3 = await turn('t3', t2, [t1, t2], 'caps turn three');
    const session = [t1, t2, t3];
    expect(t2.modelTurn.parts.filter((part) => part.thought).length).toBe(2);

    // The history holds 4 counted images (the source and the model's three), so 10 new ones fit a cap of 14.
    const outcomes: [number, boolean, number, string | undefined][] = [];
    for (let newImages = cap - 6; newImages <= cap - 2; newImages++) {
      const decision = replayDecision(session, {
        baseTurnId: 't3',
        model: FLASH,
        signaturesRequired: true,
        baseUnchanged: true,
        maxInputImages: cap,
        newImages,
      });
      const res = await post({
        model: FLASH,
        prompt: `caps with ${newImages} references`,
        images: Array.from({ length: newImages }, () => ({ ...REFERENCE, role: 'style' as const })),
        history: replayHistory(session),
      });
      outcomes.push([newImages, decision.ok, res.status, res.json.error?.code]);
    }
    expect(outcomes).toEqual([
      [cap - 6, true, 200, undefined],
      [cap - 5, true, 200, undefined],
      [cap - 4, true, 200, undefined],
      [cap - 3, false, 400, 'too_many_images'],
      [cap - 2, false, 400, 'too_many_images'],
    ]);
  });
});
