import { describe, expect, it } from 'vitest';
import { planRegionCrop } from '../../core/region-crop.js';
import { predictRegionCrop, regionRoom, turnRegionOf } from '../../core/region-turn.js';
import { inputFor, model, patch, poster } from './turn-plan-cases.js';

const flash = model('gemini-3.1-flash-image');
const crop = (region: { x: number; y: number; width: number; height: number }, width = 800, height = 1000) => {
  const planned = planRegionCrop(width, height, region, flash);
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value;
};

describe('predictRegionCrop', () => {
  it.each<[string, Parameters<typeof inputFor>[0], ReturnType<typeof crop>]>([
    [
      'a shape over the lower left, at the frame’s 2×',
      [poster, patch],
      crop({ x: 80, y: 760, width: 200, height: 160 }),
    ],
    [
      'a shape partly off the frame: clipped to it',
      [poster, { ...patch, box: { x: 350, y: 450, width: 100, height: 100 } }],
      crop({ x: 700, y: 900, width: 200, height: 200 }),
    ],
    [
      'no boxes: the whole frame',
      [
        { ...poster, box: undefined },
        { ...patch, box: undefined },
      ],
      crop({ x: 0, y: 0, width: 800, height: 1000 }),
    ],
    [
      'a frame past 4096 px at its scale: exported smaller, as the sandbox caps it',
      [
        { ...poster, width: 4000, height: 5000, box: { x: 0, y: 0, width: 4000, height: 5000 } },
        { ...patch, box: { x: 0, y: 0, width: 1000, height: 1000 } },
      ],
      crop({ x: 0, y: 0, width: 819.2, height: 819.2 }, 3277, 4096),
    ],
  ])('%s', (_name, selected, expected) => {
    const input = inputFor(selected);
    expect(predictRegionCrop(flash, input.shape)).toEqual(expected);
  });

  it('leaves the references room: no scene when only the crop fits', () => {
    expect(regionRoom({ ...flash, maxInputImages: 3 }, 2)).toBe(1);
    expect(regionRoom({ ...flash, maxInputImages: 3 }, 3)).toBe(1);
    expect(predictRegionCrop({ ...flash, maxInputImages: 1 }, inputFor([poster, patch]).shape).scene).toBeNull();
  });
});

describe('turnRegionOf', () => {
  it('says the region in points, three decimals', () => {
    const planned = crop({ x: 81, y: 761, width: 201, height: 161 });
    expect(turnRegionOf(planned, '3:1', 2)).toEqual({ nodeId: '3:1', x: 40.5, y: 380.5, width: 100.5, height: 80.5 });
    expect(turnRegionOf(planned, '3:1', 3).x).toBe(27);
    expect(turnRegionOf(planned, '3:1', 7).width).toBe(28.714);
  });
});
