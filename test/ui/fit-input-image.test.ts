/** Shrinking an input image under the backend's limit, with the pure codec (the canvas codec keeps its contract). */
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { decodePng } from '../../core/png.js';
import { fitInputImageAsync } from '../../ui/image/fit-input-image.js';
import { pureCodec } from '../../ui/image/pixel-codec.js';
import { noisePng } from '../support/noise-png.js';

describe('fitInputImageAsync', () => {
  it('sends an image that fits unchanged, byte for byte', async () => {
    const png = noisePng(64, 48);
    const fitted = await fitInputImageAsync(pureCodec, png, png.length);
    expect(fitted).toEqual({ ok: true, value: png });
    if (fitted.ok) expect(fitted.value).toBe(png);
  });

  it('shrinks an image over the limit to a smaller PNG of the same aspect that fits', async () => {
    const png = noisePng(400, 300);
    const limit = Math.floor(png.length / 3);
    const fitted = await fitInputImageAsync(pureCodec, png, limit);
    if (!fitted.ok) throw new Error(fitted.error.message);
    expect(fitted.value.length).toBeLessThanOrEqual(limit);
    const header = readImageHeader(fitted.value)!;
    expect(header.mimeType).toBe('image/png');
    expect(header.width).toBeLessThan(400);
    expect(Math.abs(header.width / header.height - 4 / 3)).toBeLessThan(0.02);
    // Flattened onto white like every image the panel sends: no transparency left.
    const pixels = decodePng(fitted.value);
    for (let i = 3; i < pixels.data.length; i += 4) expect(pixels.data[i]).toBe(255);
  });

  it('says so in plain words when even a tiny image cannot fit', async () => {
    const fitted = await fitInputImageAsync(pureCodec, noisePng(40, 40), 20);
    expect(fitted.ok).toBe(false);
    if (!fitted.ok) {
      expect(fitted.error.code).toBe('image_too_large');
      expect(fitted.error.message).toMatch(/larger than the 1 kB the proxy’s Gemini backend takes/);
    }
  });

  it('refuses bytes that are not a PNG', async () => {
    const fitted = await fitInputImageAsync(pureCodec, new Uint8Array(100).fill(7), 10);
    expect(fitted.ok || fitted.error.code).toBe('unsupported_image');
  });
});
