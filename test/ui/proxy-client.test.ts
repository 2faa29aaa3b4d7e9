import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../core/base64.js';
import type { ErrorCode } from '../../core/errors.js';
import { createImage, encodePng } from '../../core/png.js';
import type { GenerateResponse, ModelsResponse } from '../../core/proxy-schema.js';
import { createProxyClient } from '../../ui/proxy-client.js';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
  closedEarly: boolean;
}

type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

const models: ModelsResponse = {
  defaultModel: 'gemini-3.1-flash-image',
  models: [
    {
      id: 'gemini-3.1-flash-image',
      label: 'Nano Banana 2',
      description: 'Fast',
      aspectRatios: ['1:1', '16:9'],
      imageSizes: ['1K'],
      defaultImageSize: '1K',
      dimensions: { '1K': { '1:1': [1024, 1024], '16:9': [1376, 768] } },
      maxInputImages: 14,
      pricePerImageUsd: { '1K': 0.0672 },
      inputUsdPerMillionTokens: 0.5,
    },
  ],
};
const answer: GenerateResponse = {
  image: {
    data: bytesToBase64(encodePng(createImage(4, 3, [255, 0, 0, 255]))),
    mimeType: 'image/png',
    width: 4,
    height: 3,
  },
  model: 'gemini-3.1-flash-image',
  usage: { inputTokens: 5, outputTokens: 1120, totalTokens: 1125, costUsd: 0.0672 },
  cached: false,
};

let server: Server;
let base: string;
let route: Route = () => {};
const seen: Seen[] = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
        closedEarly: false,
      };
      res.on('close', () => {
        if (!res.writableFinished) entry.closedEarly = true;
      });
      seen.push(entry);
      route(req, res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const settings = () => ({ proxyUrl: `${base}/`, token: 'team-token-1' });
const request = { model: 'gemini-3.1-flash-image', prompt: 'a red bicycle', aspectRatio: '1:1' };

describe('proxy client: success', () => {
  it('gets the models with the bearer token and validates them', async () => {
    route = (_req, res) => json(res, 200, models);
    const result = await createProxyClient(settings()).getModels();
    expect(result).toEqual({ ok: true, value: models });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'GET', url: '/v1/models', authorization: 'Bearer team-token-1' });
  });

  it('posts a generate request as JSON and returns the validated answer', async () => {
    route = (_req, res) => json(res, 200, answer);
    const result = await createProxyClient(settings()).generate(request);
    expect(result).toEqual({ ok: true, value: answer });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/v1/generate', authorization: 'Bearer team-token-1' });
    expect(last.contentType).toMatch(/application\/json/);
    expect(JSON.parse(last.body)).toEqual(request);
  });

  it('sends no Authorization header without a token', async () => {
    route = (_req, res) => json(res, 200, models);
    await createProxyClient({ proxyUrl: base, token: '' }).getModels();
    expect(seen.at(-1)!.authorization).toBeUndefined();
  });
});

describe('proxy client: the error envelope becomes the AppError', () => {
  const cases: [number, ErrorCode, string][] = [
    [400, 'bad_request', 'prompt is empty'],
    [401, 'unauthorized', 'Your team token was not accepted.'],
    [402, 'budget_exhausted', 'Your monthly budget is used up.'],
    [413, 'request_too_large', 'The request is too large.'],
    [422, 'safety_blocked', "Gemini's safety filters blocked this request."],
    [422, 'no_image_returned', 'Gemini answered without an image.'],
    [429, 'limit_reached', 'You have reached a usage limit.'],
    [429, 'upstream_rate_limited', 'Gemini is rate-limiting the team right now.'],
    [502, 'upstream_error', 'Gemini returned an error.'],
    [503, 'upstream_unavailable', 'Gemini is overloaded.'],
    [504, 'upstream_timeout', 'Gemini took too long.'],
  ];
  it.each(cases)('%i %s', async (status, code, message) => {
    route = (_req, res) => json(res, status, { error: { code, message } });
    const result = await createProxyClient(settings()).generate(request);
    expect(result).toEqual({ ok: false, error: { code, message } });
  });
});

describe('proxy client: answers that are not the envelope', () => {
  const cases: [string, number, string, ErrorCode, RegExp][] = [
    ['HTML 502 from a load balancer', 502, '<html>Bad gateway</html>', 'upstream_error', /HTTP 502/],
    ['plain 401', 401, 'nope', 'unauthorized', /team token/],
    ['plain 404', 404, 'not here', 'not_found', /proxy URL/],
    ['JSON with an unknown code', 500, '{"error":{"code":"kaboom","message":"x"}}', 'upstream_error', /HTTP 500/],
    ['200 that is not JSON', 200, 'hello', 'upstream_error', /not understood/],
    ['200 with the wrong shape', 200, '{"image":{}}', 'upstream_error', /not understood.*image/],
  ];
  it.each(cases)('%s', async (_name, status, body, code, message) => {
    route = (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(body);
    };
    const result = await createProxyClient(settings()).generate(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });
});

describe('proxy client: network, abort and timeout', () => {
  it('reports a closed port as proxy_unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createProxyClient({ proxyUrl: `http://127.0.0.1:${port}`, token: 't' }).getModels();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('proxy_unreachable');
      expect(result.error.message).toContain(`http://127.0.0.1:${port}`);
    }
  });

  it('says which addresses this build may reach when the failed URL is not one of them', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const team = { proxyUrl: 'https://banana.acme.example', allowedOrigins: ['https://banana.acme.example'] };
    const blocked = await createProxyClient(
      { proxyUrl: url, token: 't' },
      { target: { ...team, devOrigins: [] } },
    ).getModels();
    expect(blocked).toEqual({
      ok: false,
      error: {
        code: 'proxy_unreachable',
        message:
          `Could not reach ${url}: this build of Banana Studio may only reach https://banana.acme.example; ask ` +
          'your admin for a build for your proxy, or use that address.',
      },
    });
    // The same failure on an address the build does allow is a plain "could not reach": check the connection.
    const allowed = await createProxyClient(
      { proxyUrl: url, token: 't' },
      { target: { ...team, devOrigins: [url] } },
    ).getModels();
    expect(allowed.ok ? '' : allowed.error.message).toMatch(/^Could not reach the Banana Studio proxy at .*connection/);
  });

  it('reports an abort as cancelled and really closes the request', async () => {
    let entry: Seen | undefined;
    route = (_req, _res, s) => {
      entry = s; // never answers
    };
    const controller = new AbortController();
    const pending = createProxyClient(settings()).generate(request, controller.signal);
    await until(() => entry !== undefined);
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: expect.any(String) } });
    await until(() => entry!.closedEarly);
    expect(entry!.closedEarly).toBe(true);
  });

  it('does not call the proxy when already aborted', async () => {
    const before = seen.length;
    const controller = new AbortController();
    controller.abort();
    const result = await createProxyClient(settings()).generate(request, controller.signal);
    expect(result.ok ? null : result.error.code).toBe('cancelled');
    expect(seen.length).toBe(before);
  });

  it('gives up after its timeout with upstream_timeout', async () => {
    route = () => {}; // never answers
    const client = createProxyClient(settings(), { generateTimeoutMs: 150 });
    const started = Date.now();
    const result = await client.generate(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('upstream_timeout');
      expect(result.error.message).toMatch(/did not answer within \d+ s/);
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
