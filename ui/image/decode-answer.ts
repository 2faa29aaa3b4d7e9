/**
 * Decodes a model's answer to RGBA pixels without a canvas (a canvas premultiplies alpha, and the regional edit must be
 * exact: docs/regional-edits.md#22-panel-plan-ask-composite). The format is read from the bytes, not the declared MIME
 * type: PNG through core/png.ts, JPEG (what Gemini 3 answers: docs/gemini-double.md) through jpeg-js.
 */
import { decode as decodeJpeg } from 'jpeg-js';
import { appError } from '../../core/errors.js';
import { readImageHeader } from '../../core/image-header.js';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { fail, ok, type Result } from '../../core/result.js';

/** The answer's pixels, or `unsupported_image` when they cannot be read. */
export function decodeAnswer(bytes: Uint8Array): Result<RgbaImage> {
  const header = readImageHeader(bytes);
  try {
    if (header?.mimeType === 'image/png') return ok(decodePng(bytes));
    if (header?.mimeType === 'image/jpeg') {
      const image = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
      return ok({ width: image.width, height: image.height, data: image.data });
    }
  } catch {
    // Reported below.
  }
  return fail(appError('unsupported_image', 'The result image could not be read. Try again.'));
}
