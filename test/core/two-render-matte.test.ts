/**
 * The matte from two renders (core/two-render-matte.ts), the render instructions (core/matte-render-instruction.ts),
 * the method and its price (core/cut-out-method.ts) and the record's `matte` (core/image-tool.ts): white on white and
 * black on black is background, the same colour in both is subject, a half-transparent pixel is half, the edge is
 * soft, the map is scaled to the export's pixels, and the opaque area is eroded against renders that drift.
 */
import { describe, expect, it } from 'vitest';
import { applyMatte, matteCoverage } from '../../core/apply-matte.js';
import { cutOutMethodOf, methodLabel, twoRenderEstimateUsd } from '../../core/cut-out-method.js';
import { costModelOf, estimateCostUsd } from '../../core/cost-estimate.js';
import { turnToolSchema } from '../../core/image-tool.js';
import { backdropInstruction, backdropOfInstruction, keepsOneObject } from '../../core/matte-render-instruction.js';
import { cutOutTool, renderKeepOf } from '../../core/matte-tool.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { createImage, type RgbaImage } from '../../core/rgba-image.js';
import {
  erodeAlpha,
  pairAlpha,
  pairOpacity,
  pairSmoothstep,
  scaleAlpha,
  twoRenderAlpha,
} from '../../core/two-render-matte.js';
import { loadRegistry } from '../support/registry.js';

/** A w × h render: `subject` inside the disc of radius r at the centre, `backdrop` outside, a 2-px blend between. */
function render(w: number, h: number, r: number, subject: number[], backdrop: number): RgbaImage {
  const image = createImage(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const a = Math.min(1, Math.max(0, (r - Math.hypot(x + 0.5 - w / 2, y + 0.5 - h / 2)) / 2 + 0.5));
      const px = subject.map((c) => Math.round(c * a + backdrop * (1 - a)));
      image.data.set([...px, 255], (y * w + x) * 4);
    }
  }
  return image;
}

describe('pairOpacity and pairAlpha', () => {
  it('white over black is background, the same colour subject, halfway half', () => {
    expect(pairOpacity([255, 255, 255], [0, 0, 0])).toBe(0);
    expect(pairOpacity([30, 140, 120], [30, 140, 120])).toBe(1);
    expect(pairOpacity([255, 255, 255], [255, 255, 255])).toBe(1); // a white subject: white in both
    // A half-transparent red: 0.5 × red + 0.5 × the backdrop.
    expect(pairOpacity([255, 128, 128], [128, 0, 0])).toBeCloseTo(0.5, 1);
    expect(Math.round(pairSmoothstep(0.5) * 255)).toBe(128);
    expect(pairSmoothstep(0.1)).toBe(0); // JPEG noise on the backdrop
    expect(pairSmoothstep(0.9)).toBe(1); // small disagreement inside the subject
  });

  it('makes 0 on the backdrop, 255 inside, and a soft edge between', () => {
    const alpha = pairAlpha(render(64, 64, 20, [30, 140, 120], 255), render(64, 64, 20, [30, 140, 120], 0));
    expect(alpha[0]).toBe(0);
    expect(alpha[32 * 64 + 32]).toBe(255);
    const { clear, opaque, soft } = matteCoverage(alpha);
    expect(clear).toBeGreaterThan(64 * 64 - Math.PI * 22 * 22);
    expect(opaque).toBeGreaterThan(Math.PI * 18 * 18);
    expect(soft).toBeGreaterThan(2 * Math.PI * 20 * 0.5); // at least half a ring of soft pixels
  });

  it('reads a half-transparent render pair as alpha about 128', () => {
    const white = createImage(4, 4, [255, 128, 128, 255]);
    const black = createImage(4, 4, [128, 0, 0, 255]);
    for (const a of pairAlpha(white, black)) expect(Math.abs(a - 128)).toBeLessThanOrEqual(3);
  });

  it('scales the black render onto the white one when their sizes differ', () => {
    const alpha = pairAlpha(render(64, 64, 20, [200, 40, 40], 255), render(32, 32, 10, [200, 40, 40], 0));
    expect(alpha[0]).toBe(0);
    expect(alpha[32 * 64 + 32]).toBe(255);
  });
});

describe('erodeAlpha and scaleAlpha', () => {
  it('erosion shrinks the opaque area by its radius and leaves the clear one', () => {
    const alpha = new Uint8Array(7 * 7);
    for (let y = 1; y < 6; y++) for (let x = 1; x < 6; x++) alpha[y * 7 + x] = 255;
    const eroded = erodeAlpha(alpha, 7, 7, 1);
    expect(matteCoverage(eroded).opaque).toBe(9);
    expect(eroded[1 * 7 + 1]).toBe(0);
    expect(eroded[3 * 7 + 3]).toBe(255);
    expect(erodeAlpha(alpha, 7, 7, 0)).toEqual(alpha);
  });

  it('scales to the export’s pixels: a copy at the same size, bilinear between, cover-cropped to the ratio', () => {
    const alpha = Uint8Array.from([0, 255, 0, 255]);
    expect(scaleAlpha(alpha, 2, 2, 2, 2)).toEqual(alpha);
    const up = scaleAlpha(Uint8Array.from([0, 255]), 2, 1, 4, 1);
    expect([...up]).toEqual([0, 64, 191, 255]);
    // A 4 × 2 map onto a 2 × 2 export: its centre columns.
    expect([...scaleAlpha(Uint8Array.from([9, 1, 2, 9, 9, 3, 4, 9]), 4, 2, 2, 2)]).toEqual([1, 2, 3, 4]);
  });

  it('twoRenderAlpha gives the export’s size, and over the export every opaque byte is the source’s', () => {
    const white = render(100, 100, 30, [30, 140, 120], 255);
    const black = render(100, 100, 30, [30, 140, 120], 0);
    const alpha = twoRenderAlpha(white, black, 150, 150);
    expect(alpha).toHaveLength(150 * 150);
    const source = render(150, 150, 45, [30, 140, 120], 230);
    const cut = applyMatte(source, alpha);
    let changedRgb = 0;
    let changedOpaque = 0;
    for (let i = 0; i < 150 * 150; i++) {
      if ([0, 1, 2].some((c) => cut.data[i * 4 + c] !== source.data[i * 4 + c])) changedRgb++;
      if (alpha[i] === 255 && cut.data[i * 4 + 3] !== source.data[i * 4 + 3]) changedOpaque++;
    }
    expect(changedRgb).toBe(0);
    expect(changedOpaque).toBe(0);
    expect(matteCoverage(alpha).opaque).toBeGreaterThan(Math.PI * 40 * 40);
    expect(alpha[0]).toBe(0);
    expect(alpha[75 * 150 + 75]).toBe(255);
    const { soft } = matteCoverage(alpha);
    expect(soft).toBeGreaterThan(2 * Math.PI * 45 * 0.5);
    // Eroded: the opaque disc is smaller than the subject's, so no backdrop pixel of a drifting render is opaque.
    expect(matteCoverage(alpha).opaque).toBeLessThan(Math.PI * 45 * 45);
  });
});

describe('the render instructions', () => {
  it('follow the semantic-masking template and are recognised by their opening words', () => {
    const white = backdropInstruction('white', { kind: 'subject' });
    expect(white).toMatch(
      /^Using the provided image, change only the background behind the main subject to solid pure white \(#FFFFFF\)\. Keep the main subject exactly the same/,
    );
    expect(backdropOfInstruction(white)).toBe('white');
    const black = backdropInstruction('black', { kind: 'named', name: ' the\nmug ' });
    expect(black).toMatch(
      /^Using the provided image, change everything except the mug to solid pure black \(#000000\)\./,
    );
    expect(backdropOfInstruction(black)).toBe('black');
    expect(keepsOneObject(black)).toBe(true);
    expect(keepsOneObject(white)).toBe(false);
    expect(backdropOfInstruction('A white cat on a black sofa')).toBeNull();
    expect(
      backdropOfInstruction('Using the provided image, change only the area in the centre: make it red.'),
    ).toBeNull();
  });

  it('keep the main subject, the named object, or the object where the shape is', () => {
    const target = { id: '1:9', name: 'Shot', box: { x: 0, y: 0, width: 200, height: 100 } } as NodeSnapshot;
    const shape = { id: '3:1', name: 'Ellipse 1', box: { x: 10, y: 10, width: 40, height: 20 } } as NodeSnapshot;
    expect(renderKeepOf({ name: 'remove-background' }, target)).toEqual({ kind: 'subject' });
    expect(renderKeepOf({ name: 'isolate', object: ' the mug ', shape }, target)).toEqual({
      kind: 'named',
      name: 'the mug',
    });
    const place = renderKeepOf({ name: 'isolate', object: '', shape }, target);
    expect(place).toEqual({
      kind: 'place',
      place: 'in the top-left part of the image, about 20% of its width and 20% of its height',
    });
    expect(backdropInstruction('white', place)).toContain('change everything except the object in the top-left part');
  });
});

describe('the method, its price and the record', () => {
  const info = loadRegistry().models.find((m) => m.id === 'gemini-nano-banana-2.1')!;
  const model = { ...costModelOf(info), id: info.id, defaultImageSize: info.defaultImageSize };
  const segmentation = { id: 'gemini-2.5-flash', label: 'Seg', estimateUsd: 0.01033, maxSide: 1024 };

  it('uses segmentation when offered, else two renders priced as two image edits', () => {
    expect(cutOutMethodOf(segmentation, model)).toEqual({ method: 'segmentation', estimateUsd: 0.01033 });
    const one = estimateCostUsd(model, '1K', 1, backdropInstruction('white', { kind: 'subject' }).length)!;
    expect(cutOutMethodOf(null, model)).toEqual({ method: 'two-renders', estimateUsd: Math.round(one * 2e6) / 1e6 });
    // Two image edits cost several times one segmentation call.
    expect(twoRenderEstimateUsd(model, { kind: 'subject' })).toBeGreaterThan(5 * segmentation.estimateUsd);
    expect(cutOutMethodOf(null, null)).toBeNull();
    expect(methodLabel('two-renders')).toBe('two renders');
  });

  it('records the method; records without it, or with segmentation, still read', () => {
    const tool = cutOutTool({ name: 'remove-background' }, 'two-renders');
    expect(tool).toEqual({ name: 'remove-background', matte: 'two-renders' });
    expect(turnToolSchema.parse(tool)).toEqual(tool);
    expect(turnToolSchema.parse({ name: 'isolate', matte: 'segmentation', object: 'the mug' }).matte).toBe(
      'segmentation',
    );
    expect(turnToolSchema.parse({ name: 'remove-background' }).matte).toBeUndefined();
    expect(turnToolSchema.safeParse({ name: 'remove-background', matte: 'magic' }).success).toBe(false);
  });
});
