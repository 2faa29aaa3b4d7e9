/**
 * Property tests of the images inside a `POST /v1/generate` body: cut short, a PNG whose header claims a huge
 * size, the wrong type, empty, or not base64 at all. The proxy refuses each with a specific 4xx before calling
 * Gemini; whole images of any small size go through. Never a 5xx, never a crash, never an upstream call for a
 * refused image.
 */
import fc from 'fast-check';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, encodePng } from '../../core/png.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';
import { expectWellFormed, RUNS } from './proxy-fuzz-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await h.close();
});

const png = (w: number, h: number, seed: number): Buffer => {
  const image = createImage(w, h);
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 13 + seed) & 0xff;
  return Buffer.from(encodePng(image));
};

/** A PNG whose IHDR says `w`×`h` (CRC fixed up, so only the size is wrong) over a tiny image's data. */
const claimedPng = (w: number, h: number): Buffer => {
  const bytes = Buffer.from(png(2, 2, 1));
  bytes.writeUInt32BE(w, 16);
  bytes.writeUInt32BE(h, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
};

type Case = { data: string; mimeType: string; whole: boolean };

const whole = fc
  .record({ w: fc.integer({ min: 1, max: 24 }), h: fc.integer({ min: 1, max: 24 }), seed: fc.nat(255) })
  .map(({ w, h, seed }): Case => ({ data: png(w, h, seed).toString('base64'), mimeType: 'image/png', whole: true }));

const truncated = fc
  .record({
    w: fc.integer({ min: 1, max: 24 }),
    h: fc.integer({ min: 1, max: 24 }),
    cut: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ w, h, cut }): Case => {
    const bytes = png(w, h, 7);
    return {
      data: bytes.subarray(0, Math.max(1, bytes.length - cut)).toString('base64'),
      mimeType: 'image/png',
      whole: false,
    };
  });

const huge = fc
  .record({
    w: fc.integer({ min: 16_385, max: 0x7fffffff }),
    h: fc.integer({ min: 1, max: 0x7fffffff }),
    swap: fc.boolean(),
  })
  .map(({ w, h, swap }): Case => ({
    data: (swap ? claimedPng(h, w) : claimedPng(w, h)).toString('base64'),
    mimeType: 'image/png',
    whole: false,
  }));

const tamperedSize = fc
  .record({ w: fc.integer({ min: 1, max: 16_384 }), h: fc.integer({ min: 1, max: 16_384 }) })
  .map(({ w, h }): Case => {
    // The size changed without its CRC: a header damaged in transit.
    const bytes = Buffer.from(png(2, 2, 3));
    bytes.writeUInt32BE(w, 16);
    bytes.writeUInt32BE(h === 2 && w === 2 ? 3 : h, 20);
    return { data: bytes.toString('base64'), mimeType: 'image/png', whole: false };
  });

const wrongType = fc
  .oneof(
    fc.constant(Buffer.from('GIF89a\x02\x00\x02\x00\x00\x00\x00;', 'latin1')),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.string({ minLength: 1, maxLength: 100 }).map((s) => Buffer.from(s)),
    fc.constant(deflateSync(Buffer.from('not an image'))),
    fc.constant(Buffer.from('%PDF-1.7\n')),
  )
  .map((bytes): Case => ({ data: bytes.toString('base64'), mimeType: 'image/png', whole: false }));

const badBase64 = fc
  .oneof(
    fc.constant(''),
    fc.string({ maxLength: 50 }),
    fc.constantFrom('data:image/png;base64,iVBORw0KGgo=', 'AAA', '====', 'iVBORw0KGgo', 'http://127.0.0.1/x.png'),
    fc.base64String().map((s) => `${s}!`),
  )
  .map((data): Case => ({ data, mimeType: 'image/png', whole: false }));

const anyImage = fc.oneof(whole, truncated, huge, tamperedSize, wrongType, badBase64);

describe('images in the body', () => {
  it('whole images go through; damaged, huge, foreign, empty or non-base64 ones get a specific 4xx before Gemini', async () => {
    const counts = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyImage, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('base', 'style'),
        async (images, role) => {
          const before = h.double.requests.length;
          const res = await h.app.request(
            '/v1/generate',
            generateRequest({
              prompt: 'same picture, please',
              model: 'gemini-3.1-flash-image',
              imageSize: '512',
              aspectRatio: '1:1',
              images: images.map((i) => ({ data: i.data, mimeType: i.mimeType, role })),
            }),
          );
          const { status, code } = await expectWellFormed(res);
          const allWhole = images.every((i) => i.whole);
          if (allWhole) {
            expect(status).toBe(200);
            counts.ok++;
          } else {
            expect(['bad_request', 'unsupported_image', 'image_too_large', 'request_too_large']).toContain(code);
            expect(h.double.requests.length).toBe(before);
            counts.refused++;
          }
        },
      ),
      RUNS,
    );
    expect(counts.ok).toBeGreaterThan(10);
    expect(counts.refused).toBeGreaterThan(200);
  });
});
