/**
 * The page the canvas codec tests run in Chromium: the codec's module and core/png.ts loaded from source, with
 * `window.codecTest` to call them, and counters on `createImageBitmap`, `toBlob` and `DecompressionStream` so each
 * case can say which path ran. Also the same page in a browser whose canvas rounds colour.
 */

/** The module the page runs (see test/support/module-page.ts): the counters, then `window.codecTest`. */
export const ENTRY = `
import { base64ToBytes, bytesToBase64 } from './core/base64.ts';
import { decodePng } from './core/png.ts';
import { canvasCodec, canvasIsExactAsync } from './ui/image/canvas-codec.ts';
import { pureCodec } from './ui/image/pixel-codec.ts';
import { finishRegionEditAsync, prepareRegionEditAsync } from './ui/image/region-edit.ts';

const calls = { bitmaps: 0, blobs: 0, inflates: 0 };
const RealDecompressionStream = window.DecompressionStream;
window.DecompressionStream = class extends RealDecompressionStream {
  constructor(format) { super(format); calls.inflates++; }
};
const realBitmap = window.createImageBitmap.bind(window);
window.createImageBitmap = (...args) => { calls.bitmaps++; return realBitmap(...args); };
const realToBlob = HTMLCanvasElement.prototype.toBlob;
HTMLCanvasElement.prototype.toBlob = function (...args) { calls.blobs++; return realToBlob.apply(this, args); };

const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const codecs = { canvas: canvasCodec, pure: pureCodec };

window.codecTest = {
  async canvasIsExact() {
    return { exact: await canvasIsExactAsync() };
  },
  async decodeExact(png) {
    const bytes = base64ToBytes(png);
    const before = { ...calls };
    const image = await canvasCodec.decodeExact(bytes);
    const reference = decodePng(bytes);
    return {
      canvas: calls.bitmaps > before.bitmaps,
      nativeInflate: calls.inflates > before.inflates,
      same: same(image.data, reference.data),
      size: [image.width, image.height],
    };
  },
  async decodeExactError(png) {
    try {
      await canvasCodec.decodeExact(base64ToBytes(png));
      return { error: null };
    } catch (error) {
      return { error: error.name + ': ' + error.message };
    }
  },
  async decodeAlpha(png) {
    const bytes = base64ToBytes(png);
    const before = { ...calls };
    const image = await canvasCodec.decodeAlpha(bytes);
    const reference = decodePng(bytes);
    return {
      canvas: calls.bitmaps > before.bitmaps,
      sameAlpha: same(image.data.filter((_, i) => i % 4 === 3), reference.data.filter((_, i) => i % 4 === 3)),
    };
  },
  async encodeExact(width, height, pixels) {
    const data = base64ToBytes(pixels);
    const before = { ...calls };
    const png = await canvasCodec.encodeExact({ width, height, data });
    return { canvas: calls.blobs > before.blobs, same: same(decodePng(png).data, data) };
  },
  async decodePatch(answer, width, height) {
    const before = { ...calls };
    const patch = await canvasCodec.decodePatch(base64ToBytes(answer), width, height);
    return patch.ok
      ? { canvas: calls.bitmaps > before.bitmaps, size: [patch.value.width, patch.value.height], alpha: patch.value.data[3] }
      : { error: patch.error.code };
  },
  async encodeToSend(width, height, pixels, rect, w, h) {
    const before = { ...calls };
    const png = await canvasCodec.encodeToSend({ width, height, data: base64ToBytes(pixels) }, rect, w, h);
    const sent = decodePng(png);
    return {
      canvas: calls.blobs > before.blobs,
      size: [sent.width, sent.height],
      opaque: sent.data.every((v, i) => i % 4 !== 3 || v === 255),
      corner: Array.from(sent.data.subarray(0, 4)),
    };
  },
  async regional(codecName, source, mask, answer, model) {
    const codec = codecs[codecName];
    const prepared = await prepareRegionEditAsync(codec, base64ToBytes(source), base64ToBytes(mask), model);
    if (!prepared.ok) return { error: prepared.error.code };
    const result = await finishRegionEditAsync(codec, prepared.value, base64ToBytes(answer));
    if (!result.ok) return { error: result.error.code };
    return { png: bytesToBase64(result.value), crop: bytesToBase64(prepared.value.crop), plan: prepared.value.plan };
  },
};
`;

/** The same page in a browser whose canvas rounds colour (some colour-managed canvas might): a low bit flips. */
export const ROUNDING_ENTRY = `
const real = CanvasRenderingContext2D.prototype.getImageData;
CanvasRenderingContext2D.prototype.getImageData = function (...args) {
  const data = real.apply(this, args);
  for (let i = 0; i < data.data.length; i += 4) data.data[i] ^= 1;
  return data;
};
${ENTRY}`;
