/**
 * The matte from two renders (docs/image-tools.md#how-the-matte-is-made), used when no segmentation model
 * answers: the image model redraws the source once with the background pure white and once pure black, and the alpha
 * is read from how far apart the two renders are. Where the white render is white and the black render black, the
 * pixel is background (alpha 0); where both show the same colour it is subject (alpha 255); between, the alpha is
 * 1 − (the distance between the two renders / the distance between white and black). A smoothstep across that value
 * softens the edge and swallows JPEG noise (as core/matte-alpha.ts does around the segmentation threshold), the opaque
 * area is eroded by {@link ERODE_PX} px against renders that drift a little, and the map is scaled to the source
 * export's pixels. core/apply-matte.ts then lays it over the export's own pixels, so nothing of the renders'
 * colour reaches the cut-out. Pure: no DOM.
 */
import { coverCrop } from './cover-crop.js';
import { resampleRgba } from './resample.js';
import type { RgbaImage } from './rgba-image.js';

/** At or below this opacity (1 − distance / white-to-black) a pixel is background: alpha 0. */
export const PAIR_CLEAR_UP_TO = 0.15;
/** From this opacity a pixel is subject: alpha 255. Symmetric with {@link PAIR_CLEAR_UP_TO}, so 0.5 stays 0.5. */
export const PAIR_OPAQUE_FROM = 0.85;
/** How far (render pixels) the opaque area is eroded: each pixel takes the least alpha within this distance. */
export const ERODE_PX = 1;

/** The distance between pure white and pure black in RGB. */
const WHITE_TO_BLACK = Math.sqrt(3) * 255;

/** The opacity 0–1 the two renders show at one pixel: 1 − (their distance / white-to-black), clamped. */
export function pairOpacity(white: readonly number[], black: readonly number[]): number {
  const d = Math.hypot(white[0]! - black[0]!, white[1]! - black[1]!, white[2]! - black[2]!);
  return Math.min(1, Math.max(0, 1 - d / WHITE_TO_BLACK));
}

/** 0 up to {@link PAIR_CLEAR_UP_TO}, 1 from {@link PAIR_OPAQUE_FROM}, smooth between. */
export function pairSmoothstep(opacity: number): number {
  const t = Math.min(1, Math.max(0, (opacity - PAIR_CLEAR_UP_TO) / (PAIR_OPAQUE_FROM - PAIR_CLEAR_UP_TO)));
  return t * t * (3 - 2 * t);
}

/**
 * The alpha (0–255 per pixel) at the white render's pixels, before erosion. The black render is scaled onto the
 * white one's pixels first when the model sent the two at different sizes.
 */
export function pairAlpha(white: RgbaImage, black: RgbaImage): Uint8Array {
  const { width, height } = white;
  const onWhite =
    black.width === width && black.height === height
      ? black
      : resampleRgba(black, width, height, coverCrop(black.width, black.height, width, height));
  const alpha = new Uint8Array(width * height);
  const w = white.data;
  const b = onWhite.data;
  for (let i = 0; i < width * height; i++) {
    const o = i * 4;
    // pairOpacity inlined: no arrays per pixel (a 1K render is a million pixels).
    const d = Math.sqrt((w[o]! - b[o]!) ** 2 + (w[o + 1]! - b[o + 1]!) ** 2 + (w[o + 2]! - b[o + 2]!) ** 2);
    alpha[i] = Math.round(pairSmoothstep(Math.max(0, 1 - d / WHITE_TO_BLACK)) * 255);
  }
  return alpha;
}

/** Each pixel the least alpha within `radius` px (a square window): the opaque area shrinks by `radius`. */
export function erodeAlpha(alpha: Uint8Array, width: number, height: number, radius = ERODE_PX): Uint8Array {
  if (radius <= 0) return alpha.slice();
  const rows = new Uint8Array(alpha.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let least = 255;
      for (let k = Math.max(0, x - radius); k <= Math.min(width - 1, x + radius); k++) {
        least = Math.min(least, alpha[y * width + k]!);
      }
      rows[y * width + x] = least;
    }
  }
  const out = new Uint8Array(alpha.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let least = 255;
      for (let k = Math.max(0, y - radius); k <= Math.min(height - 1, y + radius); k++) {
        least = Math.min(least, rows[k * width + x]!);
      }
      out[y * width + x] = least;
    }
  }
  return out;
}

/**
 * `alpha` (`width` × `height`) scaled bilinearly to `toWidth` × `toHeight`, pixel centres aligned. The renders cover
 * the source's picture fitted to the model's ratio, so their centre, cover-cropped to the export's ratio, is what is
 * scaled (as answers are fitted everywhere else: core/cover-crop.ts).
 */
export function scaleAlpha(
  alpha: Uint8Array,
  width: number,
  height: number,
  toWidth: number,
  toHeight: number,
): Uint8Array {
  const crop = coverCrop(width, height, toWidth, toHeight);
  const sx = crop.width / toWidth;
  const sy = crop.height / toHeight;
  const out = new Uint8Array(toWidth * toHeight);
  // The column taps, once: they are the same on every row.
  const xas = new Int32Array(toWidth);
  const xbs = new Int32Array(toWidth);
  const txs = new Float64Array(toWidth);
  for (let x = 0; x < toWidth; x++) {
    const fx = Math.min(width - 1, Math.max(0, crop.x + (x + 0.5) * sx - 0.5));
    xas[x] = Math.floor(fx);
    xbs[x] = Math.min(width - 1, xas[x]! + 1);
    txs[x] = fx - xas[x]!;
  }
  for (let y = 0; y < toHeight; y++) {
    const fy = Math.min(height - 1, Math.max(0, crop.y + (y + 0.5) * sy - 0.5));
    const ya = Math.floor(fy);
    const yb = Math.min(height - 1, ya + 1);
    const ty = fy - ya;
    for (let x = 0; x < toWidth; x++) {
      const xa = xas[x]!;
      const xb = xbs[x]!;
      const tx = txs[x]!;
      const top = alpha[ya * width + xa]! * (1 - tx) + alpha[ya * width + xb]! * tx;
      const bottom = alpha[yb * width + xa]! * (1 - tx) + alpha[yb * width + xb]! * tx;
      out[y * toWidth + x] = Math.round(top * (1 - ty) + bottom * ty);
    }
  }
  return out;
}

/** The matte of the two renders at the source export's `width` × `height`: pair, erode, scale. */
export function twoRenderAlpha(white: RgbaImage, black: RgbaImage, width: number, height: number): Uint8Array {
  const eroded = erodeAlpha(pairAlpha(white, black), white.width, white.height);
  return scaleAlpha(eroded, white.width, white.height, width, height);
}
