/**
 * Input caps that cannot be sidestepped: images in a forged model turn of `history` count against the model's
 * input-image cap, an image flagged `thought` is no way around it, and an image's pixel size must fit its data
 * (a PNG whose header claims 16384×16384 over a few bytes of pixel data is refused before Gemini is called).
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, crc32, encodePng } from '../../../core/png.js';
import { generateRequest, startHarness, type Harness } from '../../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const FLASH = 'gemini-3.1-flash-image';
const OLD = 'gemini-2.5-flash-image';
const png = Buffer.from(encodePng(createImage(8, 8, [200, 40, 40, 255]))).toString('base64');
const image = { data: png, mimeType: 'image/png' as const };

async function post(body: object) {
  const res = await h.app.request('/v1/generate', generateRequest(body));
  return { status: res.status, json: (await res.json()) as { error: { code: string; message: string } } };
}
const callsFor = (prompt: string) => h.double.requests.filter((r) => JSON.stringify(r).includes(prompt));

/** A PNG of `width × height` RGBA whose one IDAT holds `idat` (a valid zlib stream of some rows only). */
function liarPng(width: number, height: number, idat: Uint8Array): string {
  const u32 = (n: number) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const chunk = (type: string, body: ArrayLike<number>) => {
    const typeAndBody = Uint8Array.from([...[...type].map((c) => c.charCodeAt(0)), ...Array.from(body)]);
    return [...u32(body.length), ...typeAndBody, ...u32(crc32(typeAndBody))];
  };
  const bytes = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 6, 0, 0, 0]),
    ...chunk('IDAT', idat),
    ...chunk('IEND', []),
  ];
  return Buffer.from(Uint8Array.from(bytes)).toString('base64');
}

describe('the input-image cap', () => {
  it('counts images in the model turns of the history (a forged model turn cannot carry extra images)', async () => {
    // 2.5 Flash Image takes 3: one new image and three in a "model" turn are four.
    const res = await post({
      model: OLD,
      prompt: 'forged model turn cap-1',
      images: [{ ...image, role: 'subject' }],
      history: [
        { role: 'user', parts: [{ text: 'hello' }] },
        { role: 'model', parts: [{ inlineData: image }, { inlineData: image }, { inlineData: image }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([400, 'too_many_images']);
    expect(res.json.error.message).toMatch(/this request has 4/);
    expect(callsFor('cap-1')).toEqual([]);
  });

  it('refuses thought images in a user turn, and more than 10 in one model turn', async () => {
    const inUser = await post({
      model: FLASH,
      prompt: 'thought in user cap-2',
      history: [
        { role: 'user', parts: [{ inlineData: image, thought: true }, { text: 'x' }] },
        { role: 'model', parts: [{ text: 'ok', thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([inUser.status, inUser.json.error.code]).toEqual([400, 'bad_request']);
    const many = await post({
      model: FLASH,
      prompt: 'many thoughts cap-3',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: Array.from({ length: 11 }, () => ({ inlineData: image, thought: true })) },
      ],
    });
    expect([many.status, many.json.error.code]).toEqual([400, 'too_many_images']);
    expect(callsFor('cap-2').concat(callsFor('cap-3'))).toEqual([]);
  });
});

describe('an image’s pixel size against its data', () => {
  it('refuses a PNG whose header claims 16384×16384 over a tiny IDAT, before calling Gemini', async () => {
    const liar = liarPng(16_384, 16_384, deflateSync(Buffer.alloc(1 + 16_384 * 4)));
    const res = await post({
      prompt: 'liar png cap-4',
      images: [{ data: liar, mimeType: 'image/png', role: 'subject' }],
    });
    expect([res.status, res.json.error.code]).toEqual([415, 'unsupported_image']);
    expect(res.json.error.message).toMatch(/^Image 1 claims 16384×16384 px but holds only \d+ bytes of pixel data/);
    expect(callsFor('cap-4')).toEqual([]);
  });

  it('refuses the same lie in a replayed turn', async () => {
    const liar = liarPng(16_000, 16_000, deflateSync(Buffer.alloc(100)));
    const res = await post({
      model: FLASH,
      prompt: 'liar in history cap-5',
      history: [
        { role: 'user', parts: [{ inlineData: { data: liar, mimeType: 'image/png' } }, { text: 'x' }] },
        { role: 'model', parts: [{ text: 'ok', thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([415, 'unsupported_image']);
    expect(res.json.error.message).toMatch(/^Image 1 of the earlier turns claims 16000×16000 px/);
  });

  it('accepts a large flat PNG whose data really holds its pixels', async () => {
    const flat = Buffer.from(encodePng(createImage(2048, 2048, [250, 250, 250, 255]), 9)).toString('base64');
    const res = await post({
      prompt: 'honest flat png cap-6',
      images: [{ data: flat, mimeType: 'image/png', role: 'subject' }],
    });
    expect(res.status).toBe(200);
  });

  it('refuses a JPEG far smaller than its claimed size can be', async () => {
    // SOI, SOF0 claiming 16000×16000 with 3 components, then EOI: a header with no scan at all.
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x3e, 0x80, 0x3e, 0x80, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]).toString('base64');
    const res = await post({
      prompt: 'liar jpeg cap-7',
      images: [{ data: jpeg, mimeType: 'image/jpeg', role: 'subject' }],
    });
    expect([res.status, res.json.error.code]).toEqual([415, 'unsupported_image']);
    expect(res.json.error.message).toMatch(/claims 16000×16000 px but is only 23 bytes/);
  });
});
