/**
 * The proxy never fetches a URL a client gives it: `fileData`/`fileUri`, image URLs or any other address in a
 * request body is refused (or, inside the prompt, passed on as text), and a local HTTP server standing in for the
 * address records that nobody called it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
let target: Server;
let url: string;
const hits: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  target = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'image/png' }).end('not really a png');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/cat.png`;
});
afterAll(async () => {
  await h.close();
  await new Promise((resolve) => target.close(resolve));
});

it.each<[string, () => unknown, number, RegExp]>([
  [
    'an image as fileData',
    () => ({ prompt: 'x', images: [{ fileData: { fileUri: url, mimeType: 'image/png' } }] }),
    400,
    /images\.0/,
  ],
  [
    'fileUri beside the image',
    () => ({ prompt: 'x', images: [{ data: 'AAAA', mimeType: 'image/png', role: 'base', fileUri: url }] }),
    400,
    /unknown field "images.0.fileUri"/,
  ],
  ['a top-level fileData', () => ({ prompt: 'x', fileData: { fileUri: url } }), 400, /unknown field "fileData"/],
  [
    'an image URL instead of base64',
    () => ({ prompt: 'x', images: [{ data: url, mimeType: 'image/png', role: 'base' }] }),
    400,
    /base64/,
  ],
  [
    'an image url field',
    () => ({ prompt: 'x', images: [{ url, mimeType: 'image/png', role: 'base' }] }),
    400,
    /images\.0/,
  ],
  [
    'raw Gemini contents with a file part',
    () => ({ contents: [{ parts: [{ fileData: { fileUri: url } }] }] }),
    400,
    /prompt|unknown field/,
  ],
  ['a model given as a URL', () => ({ prompt: 'x', model: url }), 400, /not offered/],
])('refuses %s without fetching it', async (_name, body, status, message) => {
  const before = h.double.requests.length;
  const res = await h.app.request('/v1/generate', generateRequest(body()));
  expect(res.status).toBe(status);
  expect((await res.json()).error.message).toMatch(message);
  expect(h.double.requests.length).toBe(before);
  expect(hits).toEqual([]);
});

it('passes a URL inside the prompt on as text only', async () => {
  const res = await h.app.request(
    '/v1/generate',
    generateRequest({ prompt: `make it look like ${url}`, model: 'gemini-3.1-flash-image', imageSize: '512' }),
  );
  expect(res.status).toBe(200);
  const sent = h.double.requests.at(-1)!.body as { contents: { parts: { text?: string; fileData?: unknown }[] }[] };
  expect(sent.contents[0]!.parts).toEqual([{ text: `make it look like ${url}` }]);
  expect(hits).toEqual([]);
});
