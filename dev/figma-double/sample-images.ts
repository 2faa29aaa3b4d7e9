/**
 * Small deterministic test images, encoded with core/png.ts: a function of (x, y) → RGBA, or a solid colour.
 */
import { createImage, encodePng } from '../../core/png.js';

/** RGBA, 0–255 each. */
export type Rgba8 = readonly [number, number, number, number];

/** PNG bytes of a `width × height` image whose pixel (x, y) is `pixel(x, y)`. */
export function makePngBytes(width: number, height: number, pixel: (x: number, y: number) => Rgba8): Uint8Array {
  const image = createImage(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return encodePng(image, 6);
}

/** PNG bytes of a solid colour. */
export function solidPngBytes(width: number, height: number, rgba: Rgba8): Uint8Array {
  return makePngBytes(width, height, () => rgba);
}

/** A warm sunset with a sun: the sample poster's background. */
export function sunsetPngBytes(width: number, height: number): Uint8Array {
  const sun = { x: width * 0.7, y: height * 0.35, r: Math.min(width, height) * 0.14 };
  return makePngBytes(width, height, (x, y) => {
    const t = y / Math.max(1, height - 1);
    if (Math.hypot(x - sun.x, y - sun.y) < sun.r) return [255, 236, 170, 255];
    return [Math.round(255 - 90 * t), Math.round(150 - 90 * t), Math.round(90 + 80 * t), 255];
  });
}

/** A pale studio backdrop with a teal bottle: the sample product shot. */
export function productPngBytes(width: number, height: number): Uint8Array {
  const cx = width / 2;
  return makePngBytes(width, height, (x, y) => {
    const body = Math.abs(x - cx) < width * 0.14 && y > height * 0.35 && y < height * 0.85;
    const neck = Math.abs(x - cx) < width * 0.05 && y > height * 0.2 && y <= height * 0.35;
    if (body || neck) return [32, 150, 140, 255];
    const shade = Math.round(235 - 25 * (y / height));
    return [shade, shade, Math.min(255, shade + 8), 255];
  });
}
