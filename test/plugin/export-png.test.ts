/**
 * The one PNG export-and-check module (plugin/export-png.ts): the header and side checks at Figma's limit, and
 * exports through it on the Figma double.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { MAX_FIGMA_IMAGE_SIDE } from '../../core/export-plan.js';
import { readImageHeader } from '../../core/image-header.js';
import { checkedPng, checkImageForFigma, exportPngAsync, gridConstraint } from '../../plugin/export-png.js';
import { handmadePng } from '../support/handmade-png.js';
import { startPlugin } from './harness.js';

/** A PNG whose header claims this size (the checks read only the header). */
const pngOf = (width: number, height: number) => handmadePng(width, height, 6, 8, new Uint8Array(0));
const jpegOf = (width: number, height: number) =>
  Uint8Array.from(jpeg.encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 50).data);
const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0\0\0\0\0\0\0');
const text = new TextEncoder().encode('hello, not an image');
const side = MAX_FIGMA_IMAGE_SIDE;

describe('checkedPng (what an export must be)', () => {
  it.each<[string, Uint8Array, string | null]>([
    [`a PNG of ${side} × ${side}`, pngOf(side, side), null],
    [`a PNG ${side + 1} wide`, pngOf(side + 1, 1), 'image_too_large'],
    [`a PNG ${side + 1} tall`, pngOf(1, side + 1), 'image_too_large'],
    ['a JPEG', jpegOf(4, 4), 'unsupported_image'],
    ['bytes that are no image', text, 'unsupported_image'],
  ])('%s → %s', (_name, bytes, code) => {
    const checked = checkedPng('1:2', bytes);
    if (code === null)
      expect(checked).toEqual({ ok: true, value: { nodeId: '1:2', bytes, width: side, height: side } });
    else expect(checked).toMatchObject({ ok: false, error: { code } });
  });

  it('says Figma did not return a PNG, so the person tries again', () => {
    expect(checkedPng('1:2', jpegOf(4, 4))).toMatchObject({
      error: { message: 'Figma did not return a PNG for this layer. Try again.' },
    });
  });
});

describe('checkImageForFigma (what may go into figma.createImage)', () => {
  it.each<[string, Uint8Array, { width: number; height: number } | string]>([
    [`a PNG of ${side} × 1`, pngOf(side, 1), { width: side, height: 1 }],
    ['a JPEG', jpegOf(6, 4), { width: 6, height: 4 }],
    [`a PNG ${side + 1} wide`, pngOf(side + 1, 10), 'image_too_large'],
    ['a WebP', webp, 'unsupported_image'],
    ['bytes that are no image', text, 'unsupported_image'],
  ])('%s → %j', (_name, bytes, expected) => {
    const checked = checkImageForFigma(bytes);
    if (typeof expected === 'string') expect(checked).toMatchObject({ ok: false, error: { code: expected } });
    else expect(checked).toEqual({ ok: true, value: expected });
  });

  it('names the size it refused and the limit', () => {
    expect(checkImageForFigma(pngOf(5000, 20))).toMatchObject({
      error: { message: `The result is 5000×20 px; Figma takes at most ${side} a side.` },
    });
  });
});

describe('exportPngAsync', () => {
  it('exports at the constraint and reports the layer the image stands for', async () => {
    const h = startPlugin();
    const poster = h.sample.poster;
    const exported = await exportPngAsync(poster, { type: 'WIDTH', value: 108 }, 'stands-for');
    expect(exported).toMatchObject({ ok: true, value: { nodeId: 'stands-for', width: 108, height: 135 } });
    if (exported.ok) expect(readImageHeader(exported.value.bytes)).toMatchObject({ mimeType: 'image/png' });
  });

  it('caps a grid export at the largest side Figma takes', () => {
    expect(gridConstraint({ width: 1000, height: 2048 }, 4)).toEqual({ type: 'SCALE', value: 2 });
    expect(gridConstraint({ width: 1000, height: 500 }, 2)).toEqual({ type: 'SCALE', value: 2 });
  });
});
