/**
 * Turns stored image bytes into RGBA pixels for the rasterizer: PNG through `core/png.ts`, JPEG through jpeg-js
 * (pure JS; `useTArray` keeps it off Node's Buffer so it runs in the browser playground too).
 */
import { decode as decodeJpeg } from 'jpeg-js';
import { decodePng, type RgbaImage } from '../../../core/png.js';
import type { ImageType } from '../../../core/image-header.js';

/**
 * Pixels of an image, or null when they cannot be decoded. GIFs are not decoded: the double paints them as a
 * flat mid-grey of the right size (Banana Studio never places GIFs; Figma would show the first frame).
 */
export function decodeImage(bytes: Uint8Array, mimeType: ImageType, width: number, height: number): RgbaImage | null {
  try {
    if (mimeType === 'image/png') return decodePng(bytes);
    if (mimeType === 'image/jpeg') {
      const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      return { width: jpeg.width, height: jpeg.height, data: jpeg.data };
    }
    const data = new Uint8Array(width * height * 4);
    for (let i = 0; i < data.length; i += 4) data.set([128, 128, 128, 255], i);
    return { width, height, data };
  } catch {
    return null;
  }
}
