/**
 * A connection that drops, on a real local port: before any answer (the proxy dies with the request in hand) or
 * while the answer's body arrives. Once the address has answered, a lost connection says it dropped, never "check
 * the proxy URL"; a call to an address that never answered still says "could not reach".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../core/proxy-schema.js';
import { createProxyClient } from '../../ui/proxy-client.js';

const request: GenerateRequest = {
  model: 'gemini-3.1-flash-image',
  prompt: 'a cat',
  aspectRatio: '1:1',
  imageSize: '1K',
} as GenerateRequest;

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server on 127.0.0.1 that does `answer` with each request; the client is set up for it (a dev origin). */
async function clientFor(answer: Parameters<typeof createServer>[1]) {
  server = createServer(answer);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target = { proxyUrl: url, allowedOrigins: [], devOrigins: [url] };
  return { url, client: createProxyClient({ proxyUrl: url, token: 't' }, { target }) };
}

describe('a dropped connection', () => {
  it('before any answer: could not reach until the address has answered, then it dropped', async () => {
    const { url, client } = await clientFor((incoming, response) => {
      if (incoming.url !== '/health') return void incoming.socket.destroy();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', mode: 'offline', version: '1' }));
    });
    expect(await client.generate(request)).toMatchObject({ ok: false, error: { code: 'proxy_unreachable' } });
    expect((await client.getHealth()).ok).toBe(true);
    const generated = await client.generate(request);
    expect(generated).toMatchObject({
      ok: false,
      error: { code: 'connection_dropped', message: expect.stringMatching(/dropped before it answered/) },
    });
    expect(generated.ok ? '' : generated.error.message).toContain(url);
    expect(generated.ok ? '' : generated.error.message).not.toMatch(/proxy URL/);
  });

  it('while the answer arrives: says so, with its status, for any call', async () => {
    const { client } = await clientFor((_incoming, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
      response.write('{"image": {"data": "iVBOR');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    for (const result of [await client.generate(request), await client.getModels()]) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'connection_dropped',
          message: expect.stringMatching(/dropped while its answer was arriving \(HTTP 200\), so the answer was lost/),
        },
      });
    }
  });
});
