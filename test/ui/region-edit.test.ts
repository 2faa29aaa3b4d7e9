import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, decodePng, encodePng } from '../../core/png.js';
import type { ShapeDescription } from '../../core/region-shape.js';
import { decodeAnswer } from '../../ui/image/decode-answer.js';
import { pureCodec } from '../../ui/image/pixel-codec.js';
import { compositeRegion, finishRegionEditAsync, prepareRegionEditAsync } from '../../ui/image/region-edit.js';
import { randomImage, shapeMaskImage } from '../core/region-test-images.js';
import { publicModels } from './fixtures.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;

/** A mask export as Figma gives it, as PNG. */
const maskPng = (width: number, height: number, shape: ShapeDescription): Uint8Array =>
  encodePng(shapeMaskImage(width, height, shape));

describe('prepareRegionEditAsync', () => {
  const source = encodePng(randomImage(800, 600, 3));

  it('plans the crop, flattens what it sends, and adds the scene for a small region', async () => {
    const prepared = await prepareRegionEditAsync(
      pureCodec,
      source,
      maskPng(800, 600, { kind: 'ellipse', cx: 200, cy: 150, rx: 60, ry: 40 }),
      flash,
    );
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { plan, crop, scene } = prepared.value;
    expect(plan.region).toMatchObject({ x: 140, y: 110 });
    expect(scene).not.toBeNull();
    for (const png of [crop, scene!]) {
      const decoded = decodeAnswer(png);
      if (!decoded.ok) throw new Error('not decodable');
      expect(decoded.value.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    }
  });

  it('composites nothing outside the shape (the source has transparent pixels)', async () => {
    const prepared = await prepareRegionEditAsync(
      pureCodec,
      source,
      maskPng(800, 600, { kind: 'rectangle', x: 300, y: 200, width: 300, height: 200, rotation: 15 }),
      flash,
    );
    if (!prepared.ok) throw new Error(prepared.error.message);
    const out = compositeRegion(
      prepared.value,
      randomImage(prepared.value.plan.send.width, prepared.value.plan.send.height, 9, true),
    );
    const { mask, source: src } = prepared.value;
    for (let p = 0; p < mask.alpha.length; p++) {
      if (mask.alpha[p] !== 0) continue;
      for (let k = 0; k < 4; k++)
        if (out.data[p * 4 + k] !== src.data[p * 4 + k]) throw new Error(`pixel ${p} changed`);
    }
  });

  it('takes a JPEG answer (what Gemini 3 sends) and places a PNG, byte-exact outside the shape', async () => {
    const prepared = await prepareRegionEditAsync(
      pureCodec,
      source,
      maskPng(800, 600, { kind: 'ellipse', cx: 420, cy: 300, rx: 150, ry: 90 }),
      flash,
    );
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { send } = prepared.value.plan;
    const answer = jpeg.encode(randomImage(send.width, send.height, 5), 90).data;
    const placed = await finishRegionEditAsync(pureCodec, prepared.value, new Uint8Array(answer));
    if (!placed.ok) throw new Error(placed.error.message);
    expect(readImageHeader(placed.value)).toEqual({ mimeType: 'image/png', width: 800, height: 600 });
    const out = decodePng(placed.value);
    const { mask, source: src } = prepared.value;
    let outside = 0;
    let changedOutside = 0;
    let changedInside = 0;
    for (let p = 0; p < mask.alpha.length; p++) {
      const same = [0, 1, 2, 3].every((k) => out.data[p * 4 + k] === src.data[p * 4 + k]);
      if (mask.alpha[p] === 0) {
        outside++;
        if (!same) changedOutside++;
      } else if (mask.alpha[p] === 255 && !same) changedInside++;
    }
    expect(outside).toBeGreaterThan(400_000);
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(30_000);
  });

  it.each([
    [
      'a mask that misses the image',
      maskPng(800, 600, { kind: 'rectangle', x: 900, y: 0, width: 10, height: 10 }),
      'bad_request',
    ],
    [
      'a mask of another size',
      maskPng(400, 300, { kind: 'rectangle', x: 0, y: 0, width: 10, height: 10 }),
      'internal_error',
    ],
    ['bytes that are not a PNG', Uint8Array.of(1, 2, 3), 'unsupported_image'],
  ])('refuses %s', async (_name, mask, code) => {
    expect(await prepareRegionEditAsync(pureCodec, source, mask, flash)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('decodeAnswer', () => {
  it('reads PNG and JPEG by their bytes, and refuses anything else', () => {
    const png = decodeAnswer(encodePng(createImage(3, 2, [10, 20, 30, 255])));
    expect(png).toMatchObject({ ok: true, value: { width: 3, height: 2 } });
    const jpg = jpeg.encode({ width: 4, height: 4, data: new Uint8Array(64).fill(200) }, 90).data;
    expect(decodeAnswer(new Uint8Array(jpg))).toMatchObject({ ok: true, value: { width: 4, height: 4 } });
    expect(decodeAnswer(Uint8Array.of(0x52, 0x49, 0x46, 0x46))).toMatchObject({
      ok: false,
      error: { code: 'unsupported_image' },
    });
  });
});
