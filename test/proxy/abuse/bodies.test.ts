/**
 * Bounded memory and time for request bodies, through a real HTTP server: a body over the limit is refused by
 * its Content-Length before it is read (token or not); bodies held in memory are capped per person and in
 * total; an upload that crawls below the minimum rate is cut off whether or not it is authenticated, while a body
 * on a slow but honest link gets through. Windows and sizes are small here; the defaults are in
 * docs/operating-the-proxy.md#environment-variables.
 */
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../../proxy/server.js';
import { openSqliteStore } from '../../../proxy/store/sqlite-store.js';
import { startProxyProcess } from '../../support/proxy-process.js';
import { tempDataDir } from '../../support/proxy-harness.js';

const MIB = 1024 * 1024;
const DEV = 'dev-token-for-body-tests-0123456789';
const NO_LIMITS = { dailyImages: null, monthlyUsd: null, rpm: null };
const dir = tempDataDir('banana-bodies');
let proxy: RunningProxy;
const sockets: Socket[] = [];
beforeAll(async () => {
  proxy = await startProxy(
    { BANANA_DATA_DIR: dir, PORT: '0', BANANA_DEV_TOKEN: DEV },
    {
      writeLog: () => undefined,
      config: {
        maxBodyBytes: 4 * MIB,
        maxBufferedPerPersonBytes: 8 * MIB,
        maxBufferedBytes: 12 * MIB,
        minUploadBytesPerSecond: 1024,
        uploadWindowMs: 500,
      },
    },
  );
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw connection that has sent `head` (request line and headers) and `body`, and collects what comes back. */
async function rawRequest(head: string, body = '') {
  const { port } = new URL(proxy.url);
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(head + body);
  return { socket, closed, answer: () => answer };
}

const headers = (length: number | 'chunked', token: string | null = DEV) =>
  `POST /v1/generate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
  (token ? `Authorization: Bearer ${token}\r\n` : '') +
  (length === 'chunked' ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
  '\r\n';

describe('a body over the limit', () => {
  it('is refused by its Content-Length at once, before it is sent, with or without a token', async () => {
    for (const token of [DEV, null]) {
      const r = await rawRequest(headers(1024 * MIB, token));
      await expect.poll(() => r.answer(), { timeout: 5000 }).toMatch(/\r\n\r\n\{"error":\{"code":"request_too_large"/);
      expect(r.answer()).toMatch(/^HTTP\/1\.1 413/);
      r.socket.destroy();
    }
  });

  it('is cut off at the limit when sent chunked, without a length', async () => {
    const r = await rawRequest(headers('chunked'));
    const chunk = 'x'.repeat(MIB);
    for (let i = 0; i < 5; i++) r.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await expect.poll(() => r.answer(), { timeout: 10_000 }).toMatch(/"code":"request_too_large"/);
    r.socket.destroy();
  });
});

describe('bodies held in memory', () => {
  it('are capped per person (429) and in total (503); others are served meanwhile', async () => {
    const opening = '{"prompt":"held open","images":[{"role":"subject","mimeType":"image/png","data":"';
    // Two of 3.5 MB from the dev token stay open mid-body: 7 MB of its 8 MB share.
    // They keep sending, slowly but above the floor, so the crawl guard leaves them be.
    const held = [await rawRequest(headers(3.5 * MIB), opening), await rawRequest(headers(3.5 * MIB), opening)];
    const drip = setInterval(() => held.forEach((r) => r.socket.writable && r.socket.write('A'.repeat(1024))), 100);
    await new Promise((r) => setTimeout(r, 200));
    // Each on a connection of its own: an early refusal closes its connection once the unread body is drained.
    const mine = await rawRequest(headers(2 * MIB), ' '.repeat(2 * MIB));
    await expect.poll(() => mine.answer(), { timeout: 5000 }).toMatch(/your share of the proxy's memory/);
    expect(mine.answer()).toMatch(/^HTTP\/1\.1 429/);
    // A small request of the same person, and anyone else's, still fit.
    const small = await fetch(`${proxy.url}/v1/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'small while big ones upload',
        model: 'gemini-3.1-flash-image',
        imageSize: '512',
      }),
    });
    expect(small.status).toBe(200);
    // Another person: 3.5 MB more fits their share, but then everyone's 12 MB is nearly full.
    const store = openSqliteStore({ dataDir: dir });
    const created = await store.createToken({ name: 'Other', limits: NO_LIMITS, now: Date.now() });
    await store.close();
    const other = created.ok ? created.value.token : '';
    held.push(await rawRequest(headers(3.5 * MIB, other), opening));
    await new Promise((r) => setTimeout(r, 200));
    const full = await rawRequest(headers(2 * MIB, other), ' '.repeat(2 * MIB));
    await expect.poll(() => full.answer(), { timeout: 5000 }).toMatch(/"code":"proxy_busy"/);
    expect(full.answer()).toMatch(/^HTTP\/1\.1 503[^]*retry-after: 5/i);
    clearInterval(drip);
    for (const r of held) r.socket.destroy();
  });
});

describe('an upload that crawls', () => {
  it('is cut off below the minimum rate, authenticated or not', async () => {
    for (const token of [DEV, null]) {
      const started = Date.now();
      const r = await rawRequest(headers(100_000, token), '{"prompt":"');
      const drip = setInterval(() => r.socket.writable && r.socket.write('a'), 100);
      const closedAt = await r.closed;
      clearInterval(drip);
      // Cut after one or two 500 ms windows, not left open.
      expect(closedAt - started).toBeLessThan(3000);
    }
  });

  it('gets through on a slow but honest link', async () => {
    const body = JSON.stringify({
      prompt: `slow but honest${' '.repeat(6000)}`,
      model: 'gemini-3.1-flash-image',
      imageSize: '512',
    });
    const r = await rawRequest(headers(Buffer.byteLength(body)));
    // About 4 kB/s, in 400-byte pieces: over the 1 kB/s floor in every window, for 1.5 s in all.
    for (let at = 0; at < body.length; at += 400) {
      r.socket.write(body.slice(at, at + 400));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect.poll(() => r.answer(), { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 200/);
    r.socket.destroy();
  });
});

describe('memory under many large uploads from one person', () => {
  it('stays bounded: ten 15 MB bodies at once hold at most the person’s share', async () => {
    const p = await startProxyProcess({
      BANANA_DEV_TOKEN: DEV,
      BANANA_MAX_BODY_MB: '16',
      BANANA_MAX_BUFFERED_PER_PERSON_MB: '32',
    });
    try {
      const idle = p.rss();
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, p.rss())), 20);
      const big = JSON.stringify({
        prompt: 'x',
        images: [{ role: 'subject', mimeType: 'image/png', data: 'A'.repeat(15 * MIB) }],
      });
      const statuses = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`${p.url}/v1/generate`, {
            method: 'POST',
            headers: { authorization: `Bearer ${DEV}`, 'content-type': 'application/json' },
            body: big,
          }).then((res) => res.status),
        ),
      );
      clearInterval(sampler);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
      expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
      expect(peak - idle).toBeLessThan(250 * MIB);
    } finally {
      await p.stop();
    }
  });
});
