/**
 * Property tests of the request headers the proxy reads: `Authorization` in every shape (schemes, spacing, case,
 * token-like and huge values), `Content-Type` in every shape, and headers of any size. Every answer is a 4xx
 * envelope with a specific code (or the image, for the one valid combination): never a 5xx, never a crash.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, TEAM_TOKEN, type Harness } from '../support/proxy-harness.js';
import { expectWellFormed, headerText, RUNS } from './proxy-fuzz-support.js';

let h: Harness;
beforeAll(async () => {
  // The throttle would answer most of these 429 after ten; it has its own tests. Here every header is parsed.
  h = await startHarness({ authFailuresPerClient: 1_000_000, authFailuresGlobal: 1_000_000 });
});
afterAll(async () => {
  await h.close();
});

// 512 (the smallest, quickest picture) is a 3.1 Flash size; 2.1, the default, has none.
const BODY = JSON.stringify({ prompt: 'a pear', model: 'gemini-3.1-flash-image', imageSize: '512' });

const authorization = fc.oneof(
  headerText(),
  headerText(20).map((t) => `Bearer ${t}`),
  fc
    .tuple(
      fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Basic', 'Token', 'Bearer:', ''),
      fc.constantFrom(' ', '  ', '\t', ''),
      fc.constantFrom(TEAM_TOKEN, ADMIN_TOKEN, `${TEAM_TOKEN} `, ` ${TEAM_TOKEN}`, `${TEAM_TOKEN}x`, 'bnn_x', ''),
      fc.constantFrom('', ' ', ' extra', ',', '\t'),
    )
    .map(([scheme, gap, token, tail]) => `${scheme}${gap}${token}${tail}`),
  fc.integer({ min: 1, max: 200 }).map((kb) => `Bearer ${'A'.repeat(kb * 1024)}`),
);

const contentType = fc.oneof(
  headerText(60),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/jsonx',
    '',
  ),
);

describe('headers', () => {
  it('any Authorization and Content-Type on /v1/generate end in an image or a specific 4xx', async () => {
    let images = 0;
    await fc.assert(
      fc.asyncProperty(fc.option(authorization), fc.option(contentType), async (auth, type) => {
        const headers: Record<string, string> = {};
        if (auth !== null) headers.authorization = auth;
        if (type !== null) headers['content-type'] = type;
        const { status, code } = await expectWellFormed(
          await h.app.request('/v1/generate', { method: 'POST', headers, body: BODY }),
        );
        if (status === 200) images++;
        // Only the team token, alone after a Bearer scheme, gets past authentication.
        if (code === null) expect(auth?.trim()).toMatch(new RegExp(`^bearer\\s+${TEAM_TOKEN}$`, 'i'));
      }),
      // The right headers are rare among random ones (a 600-case run can draw none), so they
      // always go first: the property is then also seen to hold for a request that gets its image.
      { ...RUNS, examples: [[`Bearer ${TEAM_TOKEN}`, 'application/json']] },
    );
    expect(images).toBeGreaterThan(0);
  });

  it('any Authorization on the admin API ends in a 4xx unless it is the admin token', async () => {
    await fc.assert(
      fc.asyncProperty(authorization, async (auth) => {
        const res = await h.app.request('/admin/api/tokens', { headers: { authorization: auth } });
        if (res.status === 200) {
          expect(auth.trim()).toMatch(new RegExp(`^bearer\\s+${ADMIN_TOKEN}$`, 'i'));
          return;
        }
        const { code } = await expectWellFormed(res);
        // A team token is never let in: 403 for a valid one, 401 otherwise.
        expect(['unauthorized', 'forbidden']).toContain(code);
      }),
      RUNS,
    );
  });

  it('any number of extra headers of any size change nothing about the answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
          fc.oneof(
            headerText(100),
            fc.integer({ min: 1, max: 64 }).map((kb) => 'z'.repeat(kb * 1024)),
          ),
          { maxKeys: 8 },
        ),
        async (extra) => {
          const res = await h.app.request('/v1/usage/me', {
            headers: { ...extra, authorization: `Bearer ${TEAM_TOKEN}x` },
          });
          expect((await expectWellFormed(res)).code).toBe('unauthorized');
        },
      ),
      RUNS,
    );
  });
});

describe('headers over the wire', () => {
  it('a header past Node’s 16 kB limit is refused with 431 by the server itself, which serves on', async () => {
    const { startProxy } = await import('../../proxy/server.js');
    const { rmSync } = await import('node:fs');
    const { tempDataDir } = await import('../support/proxy-harness.js');
    const dir = tempDataDir();
    const proxy = await startProxy({ PORT: '0', BANANA_DATA_DIR: dir }, { writeLog: () => undefined });
    try {
      const huge = await fetch(`${proxy.url}/v1/usage/me`, {
        headers: { authorization: `Bearer ${'A'.repeat(64 * 1024)}` },
      });
      expect(huge.status).toBe(431);
      const after = await fetch(`${proxy.url}/v1/usage/me`, { headers: { authorization: `Bearer ${proxy.devToken}` } });
      expect(after.status).toBe(200);
    } finally {
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
