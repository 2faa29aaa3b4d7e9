/**
 * `npm run admin`: the CLI's main function run in-process against a temp data dir, a proxy app on the same
 * file (so revocation is seen at once across connections), and once as a real child process.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../proxy/cli/admin.js';
import {
  generateRequest,
  startHarness,
  TEST_NOW,
  tempDataDir,
  testClock,
  type Harness,
} from '../support/proxy-harness.js';

const exec = promisify(execFile);
let dataDir: string;
let h: Harness;

beforeAll(async () => {
  dataDir = tempDataDir('banana-cli');
  h = await startHarness({ dataDir });
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function admin(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { BANANA_DATA_DIR: dataDir },
    clock: testClock(TEST_NOW),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tokens create', () => {
  it('prints the token once, in words or as JSON', async () => {
    const text = await admin(
      'tokens',
      'create',
      '--name',
      'Ana Lima',
      '--daily-images',
      '50',
      '--monthly-usd',
      '20',
      '--rpm',
      '10',
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^Created a token for Ana Lima \(id tok_[0-9a-f]{12}\)\. Copy it now; it is not shown again:\n\n {2}bnn_[A-Za-z0-9_-]{32}\n\nLimits: 50 images\/day, \$20\.00\/month, 10 requests\/min\.$/,
    );
    const json = await admin('tokens', 'create', '--name', 'Bruno', '--json');
    expect(json.code).toBe(0);
    const created = JSON.parse(json.out);
    expect(created).toMatchObject({
      token: expect.stringMatching(/^bnn_/),
      name: 'Bruno',
      limits: { dailyImages: null, monthlyUsd: null, rpm: null },
      createdAt: new Date(TEST_NOW).toISOString(),
    });
    // The proxy on the same file accepts it on the next request.
    const res = await h.app.request('/v1/generate', generateRequest({ prompt: 'from the cli' }, created.token));
    expect(res.status).toBe(200);
  });
});

describe('tokens list, set-limits and revoke', () => {
  it('lists active tokens as a table and as JSON', async () => {
    const table = await admin('tokens', 'list');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+IMAGES\/DAY\s+\$\/MONTH\s+RPM\s+CREATED \(UTC\)\s+LAST USED$/);
    expect(table.out).toMatch(/Ana Lima\s+50\s+\$20\.00\s+10\s+2026-11-18 12:00/);
    expect(table.out).not.toMatch(/bnn_/);
    const json = JSON.parse((await admin('tokens', 'list', '--json')).out);
    expect(json.tokens.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['Ana', 'Ana Lima', 'Bruno']),
    );
  });

  it('changes limits by name; "none" removes one', async () => {
    const res = await admin('tokens', 'set-limits', 'Ana Lima', '--daily-images', '5', '--monthly-usd', 'none');
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(
      /^Limits for Ana Lima \(tok_[0-9a-f]{12}\): 5 images\/day, no monthly budget, 10 requests\/min\.$/,
    );
  });

  it('revokes by id, and the proxy refuses the token on its very next request', async () => {
    const created = JSON.parse((await admin('tokens', 'create', '--name', 'Cleo', '--json')).out);
    expect(
      (await h.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${created.token}` } })).status,
    ).toBe(200);
    const res = await admin('tokens', 'revoke', created.id);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Revoked Cleo's token \(tok_/);
    expect(
      (await h.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${created.token}` } })).status,
    ).toBe(401);
    expect((await admin('tokens', 'list', '--all')).out).toMatch(/Cleo \(revoked\)/);
  });

  it('shows usage per person', async () => {
    const res = await admin('usage', '--days', '7');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Last 7 days \(UTC\), cache hit rate \d+%, saved \$/);
    expect(res.out).toMatch(/Bruno\s+1\s+1\s+0\s+0\s+\$0\.0\d/);
    expect(JSON.parse((await admin('usage', '--json')).out).days).toHaveLength(30);
  });
});

describe('mistakes', () => {
  it.each([
    [['tokens', 'create'], 2, /needs --name/],
    [['tokens', 'create', '--name', 'X', '--daily-images', 'lots'], 2, /--daily-images takes a number/],
    [['tokens', 'create', '--name', 'X', '--rpm', '0'], 2, /rpm must be at least 1/],
    [['tokens', 'create', '--name', 'X', '--colour', 'red'], 2, /Unknown option '--colour'/],
    [['tokens', 'create', '--name', 'Bruno'], 1, /already named "Bruno"/],
    [['tokens', 'revoke'], 2, /needs the token's id or name/],
    [['tokens', 'revoke', 'nobody'], 1, /No active token has the id or name "nobody"/],
    [['tokens', 'set-limits', 'Bruno'], 2, /at least one of --daily-images/],
    [['tokens', 'fly'], 2, /Unknown command: tokens fly/],
    [['usage', '--days', '0'], 2, /--days is a whole number/],
  ])('%j → exit %i', async (argv, code, message) => {
    const res = await admin(...argv);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(message);
  });

  it('prints help with no command', async () => {
    const res = await admin();
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/npm run admin -- tokens create --name "Ana"/);
  });
});

describe('as a real process', () => {
  it('runs with `npx tsx proxy/cli/admin.ts` and `npm run admin`', async () => {
    const env = { ...process.env, BANANA_DATA_DIR: dataDir };
    const created = await exec('npx', ['tsx', 'proxy/cli/admin.ts', 'tokens', 'create', '--name', 'Child', '--json'], {
      cwd: process.cwd(),
      env,
    });
    const token = JSON.parse(created.stdout).token as string;
    expect(token).toMatch(/^bnn_/);
    expect((await h.app.request('/v1/usage/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const listed = await exec('npm', ['run', '--silent', 'admin', '--', 'tokens', 'list', '--json'], {
      cwd: process.cwd(),
      env,
    });
    expect(JSON.parse(listed.stdout).tokens.map((t: { name: string }) => t.name)).toContain('Child');
  });
});
