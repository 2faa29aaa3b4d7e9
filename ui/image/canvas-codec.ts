/**
 * {@link PixelCodec} in the browser: the browser's own PNG decoder and encoder and its image scaling, native and
 * several times faster than core/png.ts on a 4K frame (`npm run bench -- panel`), used only where they are exact.
 *
 * A 2D canvas keeps pixels with premultiplied alpha, so a pixel with 0 < alpha < 255 may come back with its colour
 * rounded: a canvas is lossless only for fully opaque pixels. Hence:
 * - `decodeExact` decodes with the canvas and keeps the result only when every pixel is opaque and the file has no
 *   colour profile, gamma or chromaticities a decoder might apply (8-bit RGB or RGBA only); otherwise core/png.ts
 *   (with the browser's native inflate, which is lossless).
 * - `encodeExact` encodes with the canvas only when every pixel is opaque; otherwise core/png.ts.
 * - `decodeAlpha` (the shape's mask) may use the canvas for any PNG of that kind: premultiplying scales colour by
 *   alpha, never alpha itself.
 * - `decodePatch` (the answer) and `encodeToSend` (the crop to send), where exactness is not asked, always use the
 *   canvas, which crops and scales with high-quality smoothing, natively.
 * Bitmaps are decoded with `premultiplyAlpha: 'none'` and `colorSpaceConversion: 'none'`, so no colour management
 * touches the values, and before its first exact step the codec checks this browser's canvas on a small probe
 * ({@link canvasIsExactAsync}). A canvas that fails in any way falls back to the pure codec: slower, never wrong.
 */
import { coverCrop } from '../../core/cover-crop.js';
import { isOpaqueRgba } from '../../core/flatten-rgba.js';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, decodePng, decodePngAsync, encodePng, type RgbaImage } from '../../core/png.js';
import { ok } from '../../core/result.js';
import { pureCodec, type PixelCodec } from './pixel-codec.js';

export const canvasCodec: PixelCodec = {
  async decodeExact(png) {
    if (!plainPng(png) || !(await canvasIsExactAsync())) return decodeWithInflateAsync(png);
    const image = await decodeWithCanvasAsync(png, 'image/png');
    return image && isOpaqueRgba(image.data) ? image : decodeWithInflateAsync(png);
  },
  async decodeAlpha(png) {
    if (!plainPng(png) || !(await canvasIsExactAsync())) return decodeWithInflateAsync(png);
    return (await decodeWithCanvasAsync(png, 'image/png')) ?? decodeWithInflateAsync(png);
  },
  async encodeExact(image) {
    if (!isOpaqueRgba(image.data) || !(await canvasIsExactAsync())) return pureCodec.encodeExact(image);
    return (await encodeWithCanvasAsync(image)) ?? pureCodec.encodeExact(image);
  },
  async decodePatch(bytes, width, height) {
    const mimeType = readImageHeader(bytes)?.mimeType;
    const bitmap = mimeType ? await bitmapOfAsync(bytes, mimeType) : null;
    if (!bitmap) return pureCodec.decodePatch(bytes, width, height);
    try {
      const crop = coverCrop(bitmap.width, bitmap.height, width, height);
      const pixels = drawAndRead(width, height, (context) => {
        context.imageSmoothingEnabled = true;
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
      });
      return pixels ? ok(pixels) : pureCodec.decodePatch(bytes, width, height);
    } finally {
      bitmap.close();
    }
  },
  async encodeToSend(image, rect, width, height) {
    const whole = canvasContext(image.width, image.height);
    const context = canvasContext(width, height);
    if (!whole || !context) return pureCodec.encodeToSend(image, rect, width, height);
    whole.putImageData(imageDataOf(image), 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(whole.canvas, rect.x, rect.y, rect.width, rect.height, 0, 0, width, height);
    return (await blobBytesAsync(context)) ?? pureCodec.encodeToSend(image, rect, width, height);
  },
};

/**
 * core/png.ts, exact, with the browser's own inflate (`DecompressionStream`, lossless and several times faster than
 * fflate); fflate's where the browser has none or refuses the stream, so a corrupt PNG fails as core/png.ts says.
 */
async function decodeWithInflateAsync(png: Uint8Array): Promise<RgbaImage> {
  if (typeof DecompressionStream === 'undefined') return pureCodec.decodeExact(png);
  try {
    return await decodePngAsync(png, async (zlib) => {
      const stream = new Blob([zlib as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('deflate'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    });
  } catch {
    return pureCodec.decodeExact(png);
  }
}

let probe: Promise<boolean> | null = null;

/**
 * Whether this browser's canvas really is exact where the codec relies on it, checked once on a small probe against
 * core/png.ts: an opaque image encoded by the canvas decodes to the same bytes, one decoded by the canvas has the
 * same bytes, and a mask's alpha survives. A browser that colour-manages or rounds any of them gets the pure codec
 * for every exact step, instead of a regional edit that changes pixels outside the shape.
 */
export function canvasIsExactAsync(): Promise<boolean> {
  probe ??= probeCanvasAsync().catch(() => false);
  return probe;
}

async function probeCanvasAsync(): Promise<boolean> {
  const size = 16;
  const opaque = createImage(size, size);
  const mask = createImage(size, size);
  for (let i = 0; i < size * size; i++) {
    // Every value of each channel appears somewhere across the probe's pixels, mixed so neighbours differ.
    opaque.data.set([(i * 37) & 255, (i * 91 + 7) & 255, (i * 53 + 200) & 255, 255], i * 4);
    mask.data[i * 4 + 3] = i & 255;
  }
  const encoded = await encodeWithCanvasAsync(opaque);
  if (!encoded || !sameBytes(decodePng(encoded).data, opaque.data)) return false;
  const decoded = await decodeWithCanvasAsync(encodePng(opaque, 1), 'image/png');
  if (!decoded || !sameBytes(decoded.data, opaque.data)) return false;
  const alpha = await decodeWithCanvasAsync(encodePng(mask, 1), 'image/png');
  return alpha !== null && alpha.data.every((v, i) => i % 4 !== 3 || v === mask.data[i]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * An 8-bit RGB or RGBA PNG without iCCP, gAMA or cHRM chunks: one whose values a canvas decodes as they are. Reads
 * the chunk headers only (up to the first IDAT, where PNG puts all of those); anything unexpected says no.
 */
export function plainPng(png: Uint8Array): boolean {
  if (readImageHeader(png)?.mimeType !== 'image/png' || png.length < 33) return false;
  const depth = png[24];
  const colour = png[25];
  if (depth !== 8 || (colour !== 2 && colour !== 6)) return false;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 8 <= png.length;) {
    const type = String.fromCharCode(png[offset + 4]!, png[offset + 5]!, png[offset + 6]!, png[offset + 7]!);
    if (type === 'IDAT') return true;
    if (type === 'iCCP' || type === 'gAMA' || type === 'cHRM') return false;
    offset += 12 + view.getUint32(offset);
  }
  return false;
}

async function bitmapOfAsync(bytes: Uint8Array, mimeType: string): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch {
    return null;
  }
}

async function decodeWithCanvasAsync(bytes: Uint8Array, mimeType: string): Promise<RgbaImage | null> {
  const bitmap = await bitmapOfAsync(bytes, mimeType);
  if (!bitmap) return null;
  try {
    return drawAndRead(bitmap.width, bitmap.height, (context) => context.drawImage(bitmap, 0, 0));
  } finally {
    bitmap.close();
  }
}

/** A `width × height` canvas drawn by `draw`, read back as RGBA; null when the browser gives no canvas. */
function drawAndRead(
  width: number,
  height: number,
  draw: (context: CanvasRenderingContext2D) => void,
): RgbaImage | null {
  const context = canvasContext(width, height);
  if (!context) return null;
  draw(context);
  const { data } = context.getImageData(0, 0, width, height, { colorSpace: 'srgb' });
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

async function encodeWithCanvasAsync(image: RgbaImage): Promise<Uint8Array | null> {
  const context = canvasContext(image.width, image.height);
  if (!context) return null;
  context.putImageData(imageDataOf(image), 0, 0);
  return blobBytesAsync(context);
}

function imageDataOf({ width, height, data }: RgbaImage): ImageData {
  const pixels = new Uint8ClampedArray(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
  return new ImageData(pixels, width, height, { colorSpace: 'srgb' });
}

/** The canvas as PNG bytes, or null when the browser cannot encode it. */
async function blobBytesAsync(context: CanvasRenderingContext2D): Promise<Uint8Array | null> {
  const blob = await new Promise<Blob | null>((resolve) => context.canvas.toBlob(resolve, 'image/png'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

/**
 * A fresh 2D context of that size. `willReadFrequently` keeps it in memory rather than on the GPU, where reading
 * pixels back would be a slow copy.
 */
function canvasContext(width: number, height: number): CanvasRenderingContext2D | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
}
