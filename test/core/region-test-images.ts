/** Seeded random images and masks for the regional-edit tests (the same bytes on every run). */
import { createImage, type RgbaImage } from '../../core/png.js';
import { rasterizeShape, type ShapeDescription } from '../../core/region-shape.js';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random RGBA pixels; a quarter fully transparent (with colour left in them, as exports can have) and a quarter
 * semi-transparent, so compositing is tested on every kind of alpha.
 */
export function randomImage(width: number, height: number, seed: number, opaque = false): RgbaImage {
  const random = seededRandom(seed);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = Math.floor(random() * 256);
    data[i + 1] = Math.floor(random() * 256);
    data[i + 2] = Math.floor(random() * 256);
    const kind = random();
    data[i + 3] = opaque || kind >= 0.5 ? 255 : kind < 0.25 ? 0 : 1 + Math.floor(random() * 254);
  }
  return { width, height, data };
}

/** The pixel at (x, y) as an array. */
export function pixelAt(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

/** A shape's mask as Figma exports it (option B): the shape opaque black on transparency, anti-aliased at its edge. */
export function shapeMaskImage(width: number, height: number, shape: ShapeDescription): RgbaImage {
  const coverage = rasterizeShape(width, height, shape);
  const image = createImage(width, height);
  for (let i = 0; i < coverage.alpha.length; i++) image.data[i * 4 + 3] = coverage.alpha[i]!;
  return image;
}
