/**
 * The proxy client's half-price submit (`submitBatch`: `POST /v1/batches`) and the `Retry-After` a refusal carries
 * (ui/proxy-client.ts), which the batch's pool waits out (core/batch-pool.ts). Against a small HTTP server: the
 * client's own `fetch`, nothing of ours faked.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchRequest } from '../../core/batch-schema.js';
import { createProxyClient } from '../../ui/proxy-client.js';

let server: Server;
let base: string;
let answer: (res: ServerResponse) => void = () => {};
const seen: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = () => createProxyClient({ proxyUrl: base, token: 'team-token-1' });
const job: BatchRequest = {
  model: 'gemini-3.1-flash-image',
  fileKey: 'file-1',
  imageSize: '1K',
  requests: [{ layerId: '9:1', prompt: 'on a marble table', aspectRatio: '4:5' }],
};
const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

describe('submitBatch', () => {
  it('posts the job and returns the job the proxy made', async () => {
    const made = {
      id: 'job-1',
      fileKey: 'file-1',
      model: 'gemini-3.1-flash-image',
      imageSize: '1K',
      state: 'pending',
      counts: { requests: 1, succeeded: 0, failed: 0, placed: 0 },
      costUsd: 0.0168,
      createdAt: '2026-12-04T19:00:00Z',
      doneAt: null,
    };
    answer = reply(201, { job: made });
    const result = await client().submitBatch(job);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ id: 'job-1', costUsd: 0.0168 }) });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/batches' });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual(job);
  });

  it('passes on the proxy’s refusal', async () => {
    answer = reply(413, { error: { code: 'request_too_large', message: 'Send the selection as several jobs.' } });
    expect(await client().submitBatch(job)).toEqual({
      ok: false,
      error: { code: 'request_too_large', message: 'Send the selection as several jobs.' },
    });
  });
});

describe('Retry-After', () => {
  it('goes with a refusal that asks to come back later, in seconds', async () => {
    answer = reply(429, { error: { code: 'limit_reached', message: 'Your share is taken.' } }, { 'Retry-After': '30' });
    const result = await client().generate({ prompt: 'a bicycle' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'limit_reached', message: 'Your share is taken.', retryAfterSeconds: 30 },
    });
  });

  it('is left out when absent or not a number of seconds', async () => {
    answer = reply(503, { error: { code: 'proxy_busy', message: 'Busy.' } }, { 'Retry-After': 'soon' });
    expect(await client().generate({ prompt: 'a bicycle' })).toEqual({
      ok: false,
      error: { code: 'proxy_busy', message: 'Busy.' },
    });
  });
});
