import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../core/messages.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { NO_EDIT_INPUTS } from '../../core/edit-inputs.js';
import { planRequest } from '../../core/request-plan.js';
import { publicModels } from '../ui/fixtures.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;
const legacy = publicModels.models.find((m) => m.id === 'gemini-2.5-flash-image')!;
const frame = (width: number, height: number, exportScale?: number): NodeSnapshot => ({
  id: '1:2',
  name: 'Poster',
  type: 'FRAME',
  width,
  height,
  hasText: true,
  hasImageFill: false,
  hasTurn: false,
  ...(exportScale === undefined ? {} : { exportScale }),
});

describe('planRequest for an edit: shape from the frame at its export scale', () => {
  const cases: [string, PublicModel, NodeSnapshot, string, string, number, boolean, number, number][] = [
    // name, model, frame, ratio, size, maxSide, sendImageSize, export scale, base export scale
    ['small portrait poster at 1×', flash, frame(400, 500, 1), '4:5', '512', 576, true, 1, 1],
    ['the same poster without export settings: 2×', flash, frame(400, 500), '4:5', '1K', 1152, true, 2, 2],
    ['1080×1350 at 2× asks for 2K', flash, frame(1080, 1350, 2), '4:5', '2K', 2304, true, 2, 2304 / 1350],
    ['1080×1350 at 3× asks for 4K', flash, frame(1080, 1350, 3), '4:5', '4K', 4096, true, 3, 3],
    ['1080p banner at 1×', flash, frame(1920, 1080, 1), '16:9', '2K', 2752, true, 1, 1],
    ['huge square', flash, frame(6000, 6000, 1), '1:1', '4K', 4096, true, 1, 4096 / 6000],
    ['model without a size knob', legacy, frame(1920, 1080, 2), '16:9', '1K', 1344, false, 2, 1344 / 1920],
    ['very wide strip', flash, frame(4000, 500, 1), '8:1', '2K', 4096, true, 1, 1],
  ];
  it.each(cases)('%s', (_name, model, target, ratio, size, maxSide, sendImageSize, exportScale, baseScale) => {
    const plan = planRequest(model, target, { aspectRatio: '1:1', imageSize: null });
    expect(plan).toEqual({
      ok: true,
      value: {
        target,
        aspectRatio: ratio,
        imageSize: size,
        sendImageSize,
        maxSide,
        exportScale,
        baseScale,
        inputs: NO_EDIT_INPUTS,
      },
    });
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
