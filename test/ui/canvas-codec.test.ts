/**
 * The canvas codec (ui/image/canvas-codec.ts) in real Chromium: where it uses the browser's decoder and encoder it
 * must be exact, byte for byte, against core/png.ts; where the canvas would not be exact (alpha between 0 and 255,
 * colour chunks) it must fall back; and a whole regional edit through it must leave every pixel outside the shape
 * as the source's. The page counts `createImageBitmap` and `toBlob` calls, so each case also proves which path ran.
 */
import jpeg from 'jpeg-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { decodePng, encodePng, type RgbaImage } from '../../core/png.js';
import { rasterizeShape } from '../../core/region-shape.js';
import { launchBrowserAsync } from '../support/browser.js';
import { handmadePng } from '../support/handmade-png.js';
import { openModulePageAsync } from '../support/module-page.js';
import { randomImage, shapeMaskImage } from '../core/region-test-images.js';
import { ENTRY, ROUNDING_ENTRY } from './canvas-codec-page.js';
import { publicModels } from './fixtures.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;
const b64 = (bytes: Uint8Array): string => bytesToBase64(bytes);

/** `image` as an 8-bit RGBA PNG (rows unfiltered) with `extra` chunks before its pixels. */
function pngWithChunks(image: RgbaImage, extra: [string, number[]][]): Uint8Array {
  const stride = image.width * 4;
  const raw = new Uint8Array((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++)
    raw.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return handmadePng(image.width, image.height, 6, 8, raw, extra);
}

let browser: Browser;
let page: Page;
type CodecTest = Record<string, (...args: never[]) => Promise<Record<string, unknown>>>;
/** Calls `window.codecTest[name](...args)` in `on`. */
const callIn =
  (on: Page) =>
  (name: string, ...args: unknown[]): Promise<any> =>
    on.evaluate(
      ([n, a]) => ((window as unknown as { codecTest: CodecTest }).codecTest[n as string] as any)(...(a as unknown[])),
      [name, args] as const,
    );
const call = (name: string, ...args: unknown[]): Promise<any> => callIn(page)(name, ...args);

beforeAll(async () => {
  browser = await launchBrowserAsync();
  page = await openModulePageAsync(browser, ENTRY, 'codecTest');
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the probe', () => {
  it('finds Chromium’s canvas exact', async () => {
    expect(await call('canvasIsExact')).toEqual({ exact: true });
  });

  it('in a browser whose canvas rounds, every exact step goes through core/png.ts and stays exact', async () => {
    const rounding = await openModulePageAsync(browser, ROUNDING_ENTRY, 'codecTest');
    const on = (name: string, ...args: unknown[]): Promise<any> =>
      rounding.evaluate(
        ([n, a]) =>
          ((window as unknown as { codecTest: CodecTest }).codecTest[n as string] as any)(...(a as unknown[])),
        [name, args] as const,
      );
    try {
      expect(await on('canvasIsExact')).toEqual({ exact: false });
      const image = randomImage(64, 48, 13, true);
      expect(await on('decodeExact', b64(encodePng(image)))).toMatchObject({ same: true });
      expect(await on('encodeExact', 64, 48, b64(image.data))).toEqual({ canvas: false, same: true });
    } finally {
      await rounding.close();
    }
  });
});

describe('decodeExact', () => {
  it('decodes an opaque PNG with the canvas, byte for byte as core/png.ts does', async () => {
    const png = encodePng(randomImage(640, 480, 1, true));
    expect(await call('decodeExact', b64(png))).toEqual({
      canvas: true,
      nativeInflate: false,
      same: true,
      size: [640, 480],
    });
  });

  it.each([
    ['alpha between 0 and 255', encodePng(randomImage(320, 240, 2))],
    ['a gamma chunk', pngWithChunks(randomImage(320, 240, 3, true), [['gAMA', [0, 1, 0x86, 0xa0]]])],
  ])('falls back to core/png.ts (the browser inflating) for a PNG with %s, still exact', async (_name, png) => {
    expect(await call('decodeExact', b64(png))).toMatchObject({ nativeInflate: true, same: true, size: [320, 240] });
  });

  it('says a PNG with corrupt image data is corrupt, as core/png.ts does', async () => {
    const png = encodePng(randomImage(64, 48, 14));
    // A zlib header no inflater takes, at the start of the IDAT's data (signature, IHDR, IDAT length and type).
    const corrupt = Uint8Array.from(png, (v, i) => (i === 41 || i === 42 ? 0xff : v));
    expect(() => decodePng(corrupt)).toThrow('PNG image data is corrupt');
    expect(await call('decodeExactError', b64(corrupt))).toEqual({ error: 'PngError: PNG image data is corrupt' });
  });

  it('does not even try the canvas for a PNG with a colour chunk', async () => {
    const png = pngWithChunks(randomImage(64, 48, 4, true), [['cHRM', new Array<number>(32).fill(0)]]);
    expect(await call('decodeExact', b64(png))).toEqual({
      canvas: false,
      nativeInflate: true,
      same: true,
      size: [64, 48],
    });
  });
});

describe('decodeAlpha', () => {
  it('reads an anti-aliased mask with the canvas, its alpha exact', async () => {
    const png = encodePng(
      shapeMaskImage(500, 400, { kind: 'ellipse', cx: 250, cy: 200, rx: 180, ry: 120, rotation: 20 }),
    );
    expect(await call('decodeAlpha', b64(png))).toEqual({ canvas: true, sameAlpha: true });
  });
});

describe('encodeExact', () => {
  it.each([
    ['an opaque image with the canvas', randomImage(640, 480, 5, true), true],
    ['an image with alpha with core/png.ts', randomImage(320, 240, 6), false],
  ])('encodes %s, and it decodes back to the same bytes', async (_name, image, canvas) => {
    expect(await call('encodeExact', image.width, image.height, b64(image.data))).toEqual({ canvas, same: true });
  });
});

describe('decodePatch', () => {
  it.each([
    ['a PNG', encodePng(randomImage(800, 600, 7, true))],
    [
      'a JPEG',
      new Uint8Array(jpeg.encode({ width: 800, height: 600, data: randomImage(800, 600, 8, true).data }, 90).data),
    ],
  ])('scales %s answer to the crop with the canvas', async (_name, answer) => {
    expect(await call('decodePatch', b64(answer), 400, 250)).toEqual({ canvas: true, size: [400, 250], alpha: 255 });
  });

  it('says an unreadable answer is unsupported', async () => {
    expect(await call('decodePatch', b64(Uint8Array.of(1, 2, 3, 4)), 10, 10)).toEqual({ error: 'unsupported_image' });
  });
});

describe('encodeToSend', () => {
  it('crops, scales and flattens onto white with the canvas', async () => {
    // Transparent top-left quarter: it must arrive white.
    const image = randomImage(400, 300, 12, true);
    for (let y = 0; y < 150; y++) image.data.fill(0, y * 1600, y * 1600 + 800);
    const rect = { x: 0, y: 0, width: 200, height: 150 };
    expect(await call('encodeToSend', 400, 300, b64(image.data), rect, 100, 75)).toEqual({
      canvas: true,
      size: [100, 75],
      opaque: true,
      corner: [255, 255, 255, 255],
    });
  });
});

describe('a regional edit through the canvas codec', () => {
  it.each([
    ['an opaque source (canvas all the way)', randomImage(600, 400, 9, true)],
    ['a source with transparent pixels (core/png.ts for the exact steps)', randomImage(600, 400, 10)],
  ])('keeps every pixel outside the shape for %s', async (_name, source) => {
    const shape = { kind: 'ellipse' as const, cx: 280, cy: 170, rx: 140, ry: 90, rotation: -30 };
    const mask = rasterizeShape(600, 400, shape);
    const answer = encodePng(randomImage(768, 768, 11, true));
    const [canvas, pure] = await Promise.all(
      (['canvas', 'pure'] as const).map((codec) =>
        call(
          'regional',
          codec,
          b64(encodePng(source)),
          b64(encodePng(shapeMaskImage(600, 400, shape))),
          b64(answer),
          flash,
        ),
      ),
    );
    expect(canvas.plan).toEqual(pure.plan);
    const result = decodePng(base64ToBytes(canvas.png));
    const reference = decodePng(base64ToBytes(pure.png));
    let outside = 0;
    let changedInside = 0;
    for (let p = 0; p < mask.alpha.length; p++) {
      const o = p * 4;
      const same =
        result.data[o] === source.data[o] &&
        result.data[o + 1] === source.data[o + 1] &&
        result.data[o + 2] === source.data[o + 2] &&
        result.data[o + 3] === source.data[o + 3];
      if (mask.alpha[p] === 0) {
        outside++;
        if (!same) throw new Error(`pixel ${p} outside the shape changed`);
      } else if (!same) changedInside++;
    }
    expect(outside).toBeGreaterThan(180_000);
    expect(changedInside).toBeGreaterThan(30_000);
    // Inside, the canvas scales the answer with its own filter: near the pure codec's, not equal.
    expect([result.width, result.height]).toEqual([reference.width, reference.height]);
  });
});
