/**
 * The double's two renders of a cut-out made without segmentation (dev/gemini-double/backdrop-answer.ts): the
 * picture with its backdrop replaced by pure white or pure black, the subject's pixels kept, a blended edge; any other
 * prompt is not one of them. Their pair makes the matte the panel applies (core/two-render-matte.ts).
 */
import { describe, expect, it } from 'vitest';
import { matteCoverage } from '../../core/apply-matte.js';
import { backdropInstruction } from '../../core/matte-render-instruction.js';
import { createImage, type RgbaImage } from '../../core/rgba-image.js';
import { twoRenderAlpha } from '../../core/two-render-matte.js';
import { EDGE_BLEND_PX, renderBackdropAnswer } from '../../dev/gemini-double/backdrop-answer.js';

/** A 120 × 120 pale backdrop with a teal 40 × 60 block at (40, 30). */
function shot(): RgbaImage {
  const image = createImage(120, 120, [236, 232, 226, 255]);
  for (let y = 30; y < 90; y++) for (let x = 40; x < 80; x++) image.data.set([20, 120, 110, 255], (y * 120 + x) * 4);
  return image;
}

const px = (image: RgbaImage, x: number, y: number) => [
  ...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4),
];

describe('the double’s backdrop renders', () => {
  const subject = { kind: 'subject' } as const;
  const white = renderBackdropAnswer(backdropInstruction('white', subject), shot(), 120, 120)!;
  const black = renderBackdropAnswer(backdropInstruction('black', subject), shot(), 120, 120)!;

  it('replace the backdrop with pure white, resp. black, and keep the subject', () => {
    expect(px(white, 5, 5)).toEqual([255, 255, 255, 255]);
    expect(px(black, 5, 5)).toEqual([0, 0, 0, 255]);
    expect(px(white, 60, 60)).toEqual([20, 120, 110, 255]);
    expect(px(black, 60, 60)).toEqual([20, 120, 110, 255]);
  });

  it('blend the edge over a few pixels', () => {
    const row = Array.from({ length: 8 }, (_, i) => px(black, 36 + i, 60)[1]!);
    const between = row.filter((g) => g > 0 && g < 120);
    expect(between.length).toBeGreaterThanOrEqual(EDGE_BLEND_PX - 1);
  });

  it('make a matte that clears the backdrop and keeps the block', () => {
    const alpha = twoRenderAlpha(white, black, 240, 240);
    const { clear, opaque, soft } = matteCoverage(alpha);
    expect(alpha[0]).toBe(0);
    expect(alpha[120 * 240 + 120]).toBe(255);
    expect(opaque).toBeGreaterThan(60 * 100); // the 80 × 120 block, eroded at its blended edge
    expect(opaque).toBeLessThan(80 * 120);
    expect(clear).toBeGreaterThan(240 * 240 - 90 * 130);
    expect(soft).toBeGreaterThan(0);
  });

  it('answer nothing for another prompt, and the largest blob only for one object', () => {
    expect(renderBackdropAnswer('Make it a watercolour', shot(), 120, 120)).toBeNull();
    const image = shot();
    for (let y = 5; y < 15; y++) for (let x = 100; x < 110; x++) image.data.set([200, 30, 30, 255], (y * 120 + x) * 4);
    const one = renderBackdropAnswer(
      backdropInstruction('white', { kind: 'named', name: 'the block' }),
      image,
      120,
      120,
    )!;
    const all = renderBackdropAnswer(backdropInstruction('white', subject), image, 120, 120)!;
    expect(px(one, 105, 10)).toEqual([255, 255, 255, 255]);
    expect(px(all, 105, 10)).toEqual([200, 30, 30, 255]);
  });
});
