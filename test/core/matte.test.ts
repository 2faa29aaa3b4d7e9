/**
 * The matte's promises, pure (core/matte-alpha.ts, core/apply-matte.ts, core/matte-tool.ts), and the reading of
 * Gemini's segmentation answer (core/segmentation-answer.ts): where the matte is opaque every byte of the cut-out is
 * the source's, where it is clear alpha is 0, red, green and blue are never touched, and the edge is soft.
 */
import { describe, expect, it } from 'vitest';
import { applyMatte, matteCoverage, maskNearestHint } from '../../core/apply-matte.js';
import { boxInPixels, matteAlpha, smoothstep, type DecodedMask } from '../../core/matte-alpha.js';
import { cutOutPrompt, cutOutTool, hintBoxOf, labelOf, masksForMatte } from '../../core/matte-tool.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { createImage } from '../../core/rgba-image.js';
import { parseSegmentationText } from '../../core/segmentation-answer.js';
import { MAIN_SUBJECT, segmentationPrompt } from '../../core/segmentation-prompt.js';

/** A w × h probability map: 255 inside a disc of radius r around the centre, 0 outside, a 1-px ramp between. */
function disc(w: number, h: number, r: number, box: DecodedMask['box']): DecodedMask {
  const probability = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = Math.hypot(x + 0.5 - w / 2, y + 0.5 - h / 2);
      probability[y * w + x] = Math.round(Math.min(1, Math.max(0, r - d + 0.5)) * 255);
    }
  }
  return { box, width: w, height: h, probability };
}

/** A 100 × 80 source: a colour gradient, partly translucent in its last rows. */
function source() {
  const image = createImage(100, 80);
  for (let i = 0; i < 100 * 80; i++)
    image.data.set([i % 256, (i * 7) % 256, (i * 13) % 256, i > 7600 ? 128 : 255], i * 4);
  return image;
}

describe('matteAlpha and applyMatte', () => {
  const image = source();
  const alpha = matteAlpha(100, 80, [disc(20, 20, 8, [250, 200, 750, 600])]);
  const cut = applyMatte(image, alpha);

  it('keeps every byte where the matte is opaque, clears alpha where it is clear, never touches colour', () => {
    const coverage = matteCoverage(alpha);
    expect(coverage.opaque).toBeGreaterThan(200);
    expect(coverage.clear).toBeGreaterThan(6000);
    expect(coverage.soft).toBeGreaterThan(20);
    for (let i = 0; i < 100 * 80; i++) {
      for (const k of [0, 1, 2]) expect(cut.data[i * 4 + k]).toBe(image.data[i * 4 + k]);
      if (alpha[i] === 255) expect(cut.data[i * 4 + 3]).toBe(image.data[i * 4 + 3]);
      if (alpha[i] === 0) expect(cut.data[i * 4 + 3]).toBe(0);
    }
    // The disc's centre is (40, 40) of 100 × 80: inside the box [x 20–60, y 20–60].
    expect(alpha[40 * 100 + 40]).toBe(255);
    expect(alpha[5 * 100 + 5]).toBe(0);
  });

  it('multiplies a translucent source pixel by a soft matte', () => {
    const a = new Uint8Array(100 * 80).fill(128);
    const half = applyMatte(image, a);
    expect(half.data[7700 * 4 + 3]).toBe(64);
    expect(() => applyMatte(image, new Uint8Array(10))).toThrow(RangeError);
  });

  it('unites masks: the higher alpha wins', () => {
    const two = matteAlpha(100, 80, [disc(10, 10, 4, [0, 0, 250, 200]), disc(10, 10, 4, [750, 800, 1000, 1000])]);
    expect(two[10 * 100 + 10]).toBe(255);
    expect(two[70 * 100 + 90]).toBe(255);
    expect(two[40 * 100 + 50]).toBe(0);
  });

  it('a soft edge around the 0.5 threshold', () => {
    expect([0, 0.35, 0.5, 0.65, 1].map(smoothstep)).toEqual([0, 0, 0.5, 1, 1]);
    expect(boxInPixels([250, 200, 750, 600], 100, 80)).toEqual([20, 20, 60, 60]);
    expect(boxInPixels([500, 500, 500, 500], 100, 80)).toEqual([50, 40, 51, 41]);
  });
});

describe('parseSegmentationText', () => {
  const png = 'iVBORw0KGgo=';
  it('reads Google’s JSON list, fenced or not, with or without the data: prefix', () => {
    const text =
      '```json\n' +
      JSON.stringify([
        { box_2d: [10, 20, 300, 400], mask: `data:image/png;base64,${png}`, label: 'mug' },
        { box_2d: [10, 20], mask: png, label: 'bad box' },
        { box_2d: [300, 20, 10, 400], mask: png, label: 'empty box' },
        { box_2d: [0, 0, 1000, 1000], label: 'no mask' },
      ]) +
      '\n```';
    expect(parseSegmentationText(text)).toEqual({
      ok: true,
      value: [{ box: [10, 20, 300, 400], mask: png, label: 'mug' }],
    });
  });
  it('an answer that is no list is an error value', () => {
    const answer = parseSegmentationText('I cannot help with that.');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/without masks/);
    expect(parseSegmentationText('{"box_2d": [1, 2, 3, 4]}').ok).toBe(false);
  });
});

describe('the cut-out’s rules', () => {
  const target = { id: '1:9', name: 'Shot', box: { x: 100, y: 0, width: 200, height: 100 } } as NodeSnapshot;
  const shape = { id: '3:1', name: 'Ellipse 1', box: { x: 200, y: 50, width: 50, height: 25 } } as NodeSnapshot;
  const masks = [
    { box: [0, 0, 400, 400] as [number, number, number, number], label: 'a', mask: 'AAAA' },
    { box: [450, 450, 800, 800] as [number, number, number, number], label: 'b', mask: 'AAAA' },
  ];
  it('a shape’s box in Gemini’s units picks the mask it overlaps most', () => {
    expect(hintBoxOf(target, shape)).toEqual([500, 500, 750, 750]);
    expect(masksForMatte({ name: 'isolate', object: '', shape }, target, masks).map((m) => m.label)).toEqual(['b']);
    expect(maskNearestHint(masks, null)?.label).toBe('a');
    expect(maskNearestHint([], null)).toBeNull();
  });
  it('Remove background keeps every mask; Isolate by name the first', () => {
    expect(masksForMatte({ name: 'remove-background' }, target, masks)).toHaveLength(2);
    expect(masksForMatte({ name: 'isolate', object: 'the mug', shape: null }, target, masks)).toEqual([masks[0]]);
  });
  it('names, labels and records', () => {
    expect(labelOf({ name: 'isolate', object: ' the mug ', shape: null })).toBe('the mug');
    expect(labelOf({ name: 'remove-background' })).toBeUndefined();
    expect(cutOutPrompt({ name: 'isolate', object: '', shape })).toBe('Isolate the object inside Ellipse 1');
    expect(cutOutTool({ name: 'isolate', object: 'the mug', shape: null })).toEqual({
      name: 'isolate',
      matte: 'segmentation',
      object: 'the mug',
    });
    expect(segmentationPrompt()).toContain(MAIN_SUBJECT);
    expect(segmentationPrompt('the mug')).toMatch(/^Give the segmentation masks for the mug\. Output a JSON list/);
  });
});
