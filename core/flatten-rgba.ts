/**
 * Flattens transparency onto a solid background. Gemini cannot draw transparency and does not document how it reads
 * transparent input pixels (docs/gemini-platform.md#capabilities-per-model), so what the panel *sends* is flattened;
 * what it composites onto (the source export) never is (docs/regional-edits.md#22-panel-plan-ask-composite).
 */
import type { RgbaImage } from './png.js';

/** Whether every pixel of RGBA `data` has alpha 255. */
export function isOpaqueRgba(data: ArrayLike<number>): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

/** `image` over an opaque `background` (RGB 0–255): the same object when it is already opaque, else a new image. */
export function flattenOnto(
  image: RgbaImage,
  background: readonly [number, number, number] = [255, 255, 255],
): RgbaImage {
  const { data } = image;
  if (isOpaqueRgba(data)) return image;
  const out = new Uint8Array(data.length);
  const [br, bg, bb] = background;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]! / 255;
    const k = 1 - a;
    out[i] = Math.round(data[i]! * a + br * k);
    out[i + 1] = Math.round(data[i + 1]! * a + bg * k);
    out[i + 2] = Math.round(data[i + 2]! * a + bb * k);
    out[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data: out };
}
