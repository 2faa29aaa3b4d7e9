/**
 * `/playground`: the built playground as static files, its config (the dev token only in offline mode), no way
 * out of its folder, and `/` leading to it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../proxy/routes/static-files.js';
import { startHarness, tempDataDir, type Harness } from '../support/proxy-harness.js';

let root: string;
let h: Harness;
beforeAll(async () => {
  root = tempDataDir('banana-playground');
  mkdirSync(join(root, 'dist', 'playground', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'playground', 'index.html'), '<!doctype html><title>Playground</title>');
  writeFileSync(join(root, 'dist', 'playground', 'app.js'), 'console.log("hi")');
  writeFileSync(join(root, 'dist', 'playground', 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'dist', 'playground', 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'dist', 'secret.txt'), 'outside the playground');
  h = await startHarness({
    playgroundDir: join(root, 'dist', 'playground'),
    devToken: 'dev-token-xyz',
    backend: { kind: 'offline' },
  });
});
afterAll(async () => {
  await h.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it.each([
    ['/playground', 'text/html; charset=utf-8', '<!doctype html><title>Playground</title>'],
    ['/playground/', 'text/html; charset=utf-8', '<!doctype html><title>Playground</title>'],
    ['/playground/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Playground</title>'],
    ['/playground/app.js', 'text/javascript; charset=utf-8', 'console.log("hi")'],
    ['/playground/assets/style.css', 'text/css; charset=utf-8', 'body{}'],
    ['/playground/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('%s → %s', async (path, type, body) => {
    const res = await h.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it.each([
    '/playground/../secret.txt',
    '/playground/%2e%2e/secret.txt',
    '/playground/..%2fsecret.txt',
    '/playground/assets/../../secret.txt',
    '/playground/%2e%2e%2f%2e%2e%2fpackage.json',
    '/playground/..\\secret.txt',
    '/playground/nothing.js',
    '/playground/assets',
  ])('%s → 404, never a file outside', async (path) => {
    const res = await h.app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the playground');
  });

  it.each([
    ['..', null],
    ['../x', null],
    ['a/../../x', null],
    ['/etc/passwd', null],
    ['a\0b', null],
    ['a/b.js', 'a/b.js'],
  ])('resolveInside(root, %j)', (relative, inside) => {
    const result = resolveInside('/srv/play', relative);
    expect(result).toBe(inside === null ? null : join('/srv/play', inside));
  });

  it('says to run the build when there is no playground yet', async () => {
    const empty = await startHarness({ playgroundDir: join(root, 'missing') });
    try {
      const res = await empty.app.request('/playground');
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/npm run build/);
    } finally {
      await empty.close();
    }
  });
});

describe('/playground/config.json', () => {
  it('gives the proxy’s origin and, in offline mode, the dev token', async () => {
    const res = await h.app.request('http://localhost:8787/playground/config.json');
    expect(await res.json()).toEqual({ proxyUrl: 'http://localhost:8787', devToken: 'dev-token-xyz' });
  });

  it('never hands out a token when real credentials are configured', async () => {
    const real = await startHarness({ devToken: 'dev-token-xyz' }); // the Gemini API backend;
    try {
      const res = await real.app.request('http://proxy.example:9000/playground/config.json');
      expect(await res.json()).toEqual({ proxyUrl: 'http://proxy.example:9000', devToken: null });
    } finally {
      await real.close();
    }
  });
});

describe('GET /', () => {
  it('leads to the playground', async () => {
    const res = await h.app.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/playground');
  });
});
