/**
 * Deterministic pictures for the double. Without an input image it paints a gradient, diagonal stripes and a disc
 * whose colours and geometry come from the prompt's hash; with one, it cover-fits the input to the output size,
 * tints it toward the prompt's colour and stamps a badge (top-left) and a stripe (bottom edge), so an edit is
 * visibly derived from its input and its alignment can be checked. Loops write whole pixels through a Uint32
 * view and copy repeated rows, so a 4K answer costs well under the PNG encoding.
 */
import jpeg from 'jpeg-js';
import { coverCrop } from '../../core/cover-crop.js';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, decodePng, type RgbaImage } from '../../core/png.js';
import { encodePngNative } from './encode-png-native.js';
import { seededRandom } from './seed.js';

type Rgb = [number, number, number];

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function pack(r: number, g: number, b: number): number {
  return LITTLE_ENDIAN
    ? (0xff000000 | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
}

function hsv(hue: number, saturation: number, value: number): Rgb {
  const h = (((hue % 360) + 360) % 360) / 60;
  const c = value * saturation;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const m = value - c;
  const [r, g, b] =
    h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** The colour an edit is tinted toward, and the badge and stripe colour: a saturated hue from the seed. */
export function tintColour(seed: number): Rgb {
  return hsv(seededRandom(seed ^ 0x5bd1e995)() * 360, 0.85, 0.95);
}

/** Where an edit's badge sits: a square in the top-left corner, `size` pixels wide, `margin` from both edges. */
export function badgeBox(width: number, height: number): { margin: number; size: number } {
  const size = Math.max(4, Math.round(Math.min(width, height) / 8));
  return { margin: Math.round(size / 4), size };
}

/** Height of an edit's stripe along the bottom edge. */
export function stripeHeight(height: number): number {
  return Math.max(2, Math.round(height / 48));
}

/** A picture drawn from the seed alone (text-to-image). */
export function renderPicture(width: number, height: number, seed: number): RgbaImage {
  const image = createImage(width, height);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const random = seededRandom(seed);
  const hue = random() * 360;
  const from = hsv(hue, 0.55, 0.95);
  const to = hsv(hue + 120 + random() * 120, 0.65, 0.5);
  const disc = hsv(hue + 40 + random() * 40, 0.35, 1);
  const period = Math.max(4, Math.round(Math.min(width, height) / (6 + random() * 18)));
  const rising = random() < 0.5;
  const radius = Math.min(width, height) * (0.15 + random() * 0.15);
  const cx = width * (0.3 + random() * 0.4);
  const cy = height * (0.3 + random() * 0.4);
  // The gradient runs corner to corner, so each channel is a column term plus a row term.
  const column = (i: 0 | 1 | 2): Float64Array =>
    Float64Array.from({ length: width }, (_, x) => ((to[i] - from[i]) * x) / Math.max(1, width - 1) / 2);
  const cr = column(0);
  const cg = column(1);
  const cb = column(2);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1) / 2;
    const rr = from[0] + (to[0] - from[0]) * t;
    const rg = from[1] + (to[1] - from[1]) * t;
    const rb = from[2] + (to[2] - from[2]) * t;
    const offset = rising ? y : height - y;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let r = (rr + cr[x]!) | 0;
      let g = (rg + cg[x]!) | 0;
      let b = (rb + cb[x]!) | 0;
      if (((x + offset) / period) & 1) {
        r -= r >> 3;
        g -= g >> 3;
        b -= b >> 3;
      }
      pixels[row + x] = pack(r, g, b);
    }
    const dy = y + 0.5 - cy;
    if (dy * dy < radius * radius) {
      const half = Math.sqrt(radius * radius - dy * dy);
      const x0 = Math.max(0, Math.ceil(cx - half));
      const x1 = Math.min(width, Math.floor(cx + half));
      if (x1 > x0) pixels.fill(pack(...disc), row + x0, row + x1);
    }
  }
  return image;
}

/**
 * An edit of `source`: cover-fitted (centred crop, nearest sampling) to `width × height`, flattened onto white
 * (Gemini answers are opaque), tinted a quarter of the way toward {@link tintColour}, with the badge and stripe.
 */
export function renderEdit(source: RgbaImage, width: number, height: number, seed: number): RgbaImage {
  const image = createImage(width, height);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const src = source.data;
  const tint = tintColour(seed);
  const crop = coverCrop(source.width, source.height, width, height);
  const sx = Int32Array.from({ length: width }, (_, x) =>
    Math.min(crop.width - 1, Math.floor(((x + 0.5) * crop.width) / width)),
  );
  let previousSourceRow = -1;
  for (let y = 0; y < height; y++) {
    const sourceRow = crop.y + Math.min(crop.height - 1, Math.floor(((y + 0.5) * crop.height) / height));
    const row = y * width;
    if (sourceRow === previousSourceRow) {
      pixels.copyWithin(row, row - width, row);
      continue;
    }
    previousSourceRow = sourceRow;
    const base = (sourceRow * source.width + crop.x) * 4;
    for (let x = 0; x < width; x++) {
      const s = base + sx[x]! * 4;
      const a = src[s + 3]!;
      let r = src[s]!;
      let g = src[s + 1]!;
      let b = src[s + 2]!;
      if (a !== 255) {
        r = ((r * a + 255 * (255 - a)) / 255) | 0;
        g = ((g * a + 255 * (255 - a)) / 255) | 0;
        b = ((b * a + 255 * (255 - a)) / 255) | 0;
      }
      pixels[row + x] = pack((r * 3 + tint[0]) >> 2, (g * 3 + tint[1]) >> 2, (b * 3 + tint[2]) >> 2);
    }
  }
  const { margin, size } = badgeBox(width, height);
  fillRect(pixels, width, height, margin, margin, size, size, pack(...tint));
  const inner = Math.max(1, Math.round(size / 2));
  const innerAt = margin + Math.round((size - inner) / 2);
  fillRect(pixels, width, height, innerAt, innerAt, inner, inner, pack(255 - tint[0], 255 - tint[1], 255 - tint[2]));
  const stripe = stripeHeight(height);
  fillRect(pixels, width, height, 0, height - stripe, width, stripe, pack(...tint));
  return image;
}

function fillRect(
  pixels: Uint32Array,
  width: number,
  height: number,
  x: number,
  y: number,
  w: number,
  h: number,
  value: number,
): void {
  const x0 = Math.max(0, x);
  const x1 = Math.min(width, x + w);
  for (let row = Math.max(0, y); row < Math.min(height, y + h); row++) {
    pixels.fill(value, row * width + x0, row * width + x1);
  }
}

/**
 * Pixels of an input image, or null when the bytes are not an image we can read. PNG and JPEG are decoded; GIF and
 * WebP (which Gemini accepts but we cannot decode) stand in as a mid-grey image of their real size.
 */
export function decodeInputImage(bytes: Uint8Array): RgbaImage | null {
  const header = readImageHeader(bytes);
  if (!header) return null;
  try {
    switch (header.mimeType) {
      case 'image/png':
        return decodePng(bytes);
      case 'image/jpeg': {
        const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 300 });
        return { width: decoded.width, height: decoded.height, data: decoded.data };
      }
      default:
        return createImage(header.width, header.height, [128, 128, 128, 255]);
    }
  } catch {
    return null;
  }
}

/** Encodes an answer: PNG on native zlib at level 1 (speed over size), or JPEG at quality 90. */
export function encodeAnswerImage(image: RgbaImage, mimeType: 'image/png' | 'image/jpeg'): Uint8Array {
  if (mimeType === 'image/jpeg') return jpeg.encode(image, 90).data;
  return encodePngNative(image);
}
