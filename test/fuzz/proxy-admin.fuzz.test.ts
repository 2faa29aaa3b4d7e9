/**
 * Property tests of the admin boundary: bodies of `POST /admin/api/tokens` and `PATCH /admin/api/tokens/:id`
 * (any JSON, and limits one mistake from valid), ids in the path, and the admin CLI's arguments. Every answer is
 * a result or a specific 4xx (exit code 1 or 2 for the CLI), never a 5xx, a crash or a stack trace.
 */
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../proxy/cli/admin.js';
import { adminRequest, startHarness, tempDataDir, TEST_NOW, type Harness } from '../support/proxy-harness.js';
import { expectWellFormed, RUNS } from './proxy-fuzz-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const limit = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, 0, 1, 1.5, '5', 'none', true, [], {}),
);
const limitsBody = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('Ana', ' ', '', 'x'.repeat(65)), fc.jsonValue()),
    dailyImages: limit,
    monthlyUsd: limit,
    rpm: limit,
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

describe('admin API bodies', () => {
  it('POST /admin/api/tokens: any body creates a token or gets a specific 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(limitsBody, fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const res = await h.app.request('/admin/api/tokens', adminRequest('POST', body));
        if (res.status === 201) {
          const created = await res.json();
          expect(created.token).toMatch(/^bnn_/);
          expect(created.name).toBe(String((body as { name: string }).name).trim());
          return;
        }
        await expectWellFormed(res);
      }),
      RUNS,
    );
  });

  it('PATCH /admin/api/tokens/:id: any id and any body change limits or get a specific 4xx', async () => {
    const id = (await h.store.findToken('Ana'))!.id;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(id, 'Ana'), fc.string({ maxLength: 40 }).map(encodeURIComponent)),
        fc.oneof(limitsBody, fc.jsonValue({ maxDepth: 3 })),
        async (target, body) => {
          const res = await h.app.request(`/admin/api/tokens/${target}`, adminRequest('PATCH', body));
          if (res.status === 200) {
            expect((await res.json()).limits).toBeDefined();
            return;
          }
          await expectWellFormed(res);
        },
      ),
      RUNS,
    );
  });

  it('the usage report: any ?days= is a report or a specific 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String)), async (days) => {
        const res = await h.app.request(`/admin/api/usage?days=${encodeURIComponent(days)}`, adminRequest('GET'));
        if (res.status === 200) return;
        expect((await expectWellFormed(res)).code).toBe('bad_request');
      }),
      RUNS,
    );
  });
});

describe('admin CLI arguments', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDataDir('banana-cli-fuzz');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const word = fc.oneof(
    fc.constantFrom(
      'tokens',
      'create',
      'list',
      'revoke',
      'set-limits',
      'usage',
      'help',
      'Ana',
      'none',
      '5',
      '-1',
      '1e9',
    ),
    fc.constantFrom(
      '--name',
      '--daily-images',
      '--monthly-usd',
      '--rpm',
      '--days',
      '--all',
      '--json',
      '-h',
      '--nope',
      '--',
    ),
    fc.string({ maxLength: 20 }),
  );

  it('any argument list exits 0, 1 or 2 with words for a person, never a throw or a stack trace', async () => {
    const clock = { now: () => TEST_NOW };
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 7 }), async (argv) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runAdmin(argv, {
          out: (l) => out.push(l),
          err: (l) => err.push(l),
          env: { BANANA_DATA_DIR: dir },
          clock,
        });
        expect([0, 1, 2]).toContain(code);
        const text = [...out, ...err].join('\n');
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/\n\s+at /);
        if (code !== 0) expect(err.join('\n').length).toBeGreaterThan(10);
      }),
      RUNS,
    );
  });
});
