/**
 * How the Gemini double answers the image tools (dev/gemini-double/tool-answer.ts), recognised by their
 * instructions (core/tool-instructions.ts): an Expand keeps the picture and fills the white around it from the edge in
 * bands; a Boost is the picture under a fine grid; any other prompt is no tool's.
 */
import { describe, expect, it } from 'vitest';
import { createImage } from '../../core/png.js';
import { boostInstruction, expandInstruction } from '../../core/tool-instructions.js';
import { BOOST_GRID_PX, EXPAND_BAND_PX, renderToolAnswer } from '../../dev/gemini-double/tool-answer.js';
import { pixelAt } from '../core/region-test-images.js';

/** A 100×50 white picture with a 40×50 blue block in its middle. */
function padded() {
  const image = createImage(100, 50, [255, 255, 255, 255]);
  for (let y = 0; y < 50; y++) for (let x = 30; x < 70; x++) image.data.set([20, 40, 200, 255], (y * 100 + x) * 4);
  return image;
}

describe('the double’s tool answers', () => {
  it('Expand: keeps the picture and carries its edge into the white, in bands', () => {
    const answer = renderToolAnswer(expandInstruction(), padded(), 100, 50)!;
    expect(pixelAt(answer, 50, 25)).toEqual([20, 40, 200, 255]);
    expect(pixelAt(answer, 29, 25)).toEqual([20, 40, 200, 255]);
    const dark = pixelAt(answer, 29 - EXPAND_BAND_PX, 25);
    expect(dark).toEqual([15, 30, 150, 255]);
  });

  it('Boost: the picture resampled to the answer size under a grid', () => {
    const answer = renderToolAnswer(boostInstruction(), createImage(10, 10, [200, 200, 200, 255]), 40, 40)!;
    expect([answer.width, answer.height]).toEqual([40, 40]);
    expect(pixelAt(answer, 1, 1)).toEqual([200, 200, 200, 255]);
    expect(pixelAt(answer, BOOST_GRID_PX, 1)).toEqual([175, 175, 175, 255]);
  });

  it('answers nothing for any other prompt', () => {
    expect(renderToolAnswer('warmer light', padded(), 100, 50)).toBeNull();
  });
});
