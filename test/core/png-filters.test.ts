/**
 * The PNG decoder's row filters (the PNG specification, "Filtering") against an independent encoder: random 8-bit
 * images in every colour type, each row filtered with a random filter by the spec's own predictor definitions, must
 * decode to the exact pixels. Covers the fast paths (RGBA and RGB) and the general one, single-pixel rows and first
 * rows.
 */
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../core/png.js';
import { handmadePng } from '../support/handmade-png.js';
import { seededRandom } from './region-test-images.js';

/** The spec's Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A PNG of `samples` (rows of `channels`-byte pixels), each row with a random filter. */
function filteredPng(
  width: number,
  height: number,
  colour: number,
  channels: number,
  samples: Uint8Array,
  seed: number,
) {
  const random = seededRandom(seed);
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = Math.floor(random() * 5);
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const value = samples[y * stride + x]!;
      const a = x >= channels ? samples[y * stride + x - channels]! : 0;
      const b = y > 0 ? samples[(y - 1) * stride + x]! : 0;
      const c = y > 0 && x >= channels ? samples[(y - 1) * stride + x - channels]! : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
      raw[y * (stride + 1) + 1 + x] = (value - predicted) & 255;
    }
  }
  return handmadePng(width, height, colour, 8, raw);
}

describe('decodePng reverses every row filter exactly', () => {
  const types: [string, number, number][] = [
    ['RGBA', 6, 4],
    ['RGB', 2, 3],
    ['grey', 0, 1],
    ['grey + alpha', 4, 2],
  ];
  it.each(types)('%s', (_name, colour, channels) => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed * 7919);
      const width = 1 + Math.floor(random() * 17);
      const height = 1 + Math.floor(random() * 9);
      const samples = Uint8Array.from({ length: width * height * channels }, () => Math.floor(random() * 256));
      const decoded = decodePng(filteredPng(width, height, colour, channels, samples, seed));
      const expected = new Uint8Array(width * height * 4);
      for (let p = 0; p < width * height; p++) {
        const s = samples.subarray(p * channels, (p + 1) * channels);
        const rgba =
          channels === 4
            ? [...s]
            : channels === 3
              ? [...s, 255]
              : channels === 2
                ? [s[0]!, s[0]!, s[0]!, s[1]!]
                : [s[0]!, s[0]!, s[0]!, 255];
        expected.set(rgba, p * 4);
      }
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      expect(decoded.data).toEqual(expected);
    }
  });
});
