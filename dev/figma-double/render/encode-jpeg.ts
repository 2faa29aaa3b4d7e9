/**
 * JPEG encoding through jpeg-js (pure JS). Its encoder ends with `Buffer.from(bytes)` whenever `module` exists,
 * which is also true inside an esbuild bundle in the browser, where there is no `Buffer`. For that one call the
 * double lends it a minimal stand-in (only `from`, returning a Uint8Array) and takes it back straight after.
 */
import { encode } from 'jpeg-js';
import type { RgbaImage } from '../../../core/png.js';

/** Quality used for JPG exports (Figma has no quality option: docs/figma-platform.md#exporting). */
export const JPEG_QUALITY = 90;

/** Encodes opaque RGBA pixels as a baseline JPEG. */
export function encodeJpeg(image: RgbaImage): Uint8Array {
  const scope = globalThis as { Buffer?: unknown };
  const lent = scope.Buffer === undefined;
  if (lent) scope.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    const out = encode({ width: image.width, height: image.height, data: image.data }, JPEG_QUALITY).data;
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength).slice();
  } finally {
    if (lent) delete scope.Buffer;
  }
}
