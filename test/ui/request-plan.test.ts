import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../core/messages.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { planRequest } from '../../ui/request-plan.js';
import { publicModels } from './fixtures.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;
const legacy = publicModels.models.find((m) => m.id === 'gemini-2.5-flash-image')!;
const frame = (width: number, height: number): NodeSnapshot => ({
  id: '1:2',
  name: 'Poster',
  type: 'FRAME',
  width,
  height,
  hasText: true,
  hasImageFill: false,
  hasTurn: false,
});

describe('planRequest for an edit: shape from the frame', () => {
  const cases: [string, PublicModel, NodeSnapshot, string, string, number, boolean][] = [
    ['small portrait poster', flash, frame(400, 500), '4:5', '512', 576, true],
    ['1080p banner', flash, frame(1920, 1080), '16:9', '2K', 2752, true],
    ['huge square', flash, frame(6000, 6000), '1:1', '4K', 4096, true],
    ['model without a size knob', legacy, frame(1920, 1080), '16:9', '1K', 1344, false],
    ['very wide strip', flash, frame(4000, 500), '8:1', '2K', 4096, true],
  ];
  it.each(cases)('%s', (_name, model, target, ratio, size, maxSide, sendImageSize) => {
    const plan = planRequest(model, target, { aspectRatio: '1:1', imageSize: null });
    expect(plan).toEqual({ ok: true, value: { target, aspectRatio: ratio, imageSize: size, sendImageSize, maxSide } });
  });

  it('refuses a layer without an area', () => {
    const plan = planRequest(flash, frame(0, 10), { aspectRatio: '1:1', imageSize: null });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error.message).toMatch(/no width or height/);
  });
});

describe('planRequest for text-to-image: the person’s choice, corrected to the model', () => {
  const cases: [string, PublicModel, string, '512' | '1K' | '2K' | '4K' | null, string, string][] = [
    ['as chosen', flash, '16:9', '2K', '16:9', '2K'],
    ['no size chosen: the default', flash, '3:4', null, '3:4', '1K'],
    ['ratio the model lacks: its first', legacy, '8:1', null, '1:1', '1K'],
    ['size the model lacks: its default', legacy, '1:1', '4K', '1:1', '1K'],
  ];
  it.each(cases)('%s', (_name, model, aspectRatio, imageSize, ratio, size) => {
    const plan = planRequest(model, null, { aspectRatio, imageSize });
    expect(plan.ok && plan.value).toMatchObject({ target: null, aspectRatio: ratio, imageSize: size, maxSide: 4096 });
  });
});
