/**
 * `BANANA_PROXY_URL=… FIGMA_PLUGIN_ID=… npm run build`: the manifest Figma imports names the team's proxy and id,
 * both bundles default to that proxy, the tracked manifest.json is never written, and bad settings stop the build
 * with one plain line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_TARGET } from '../../core/build-target.js';
import { buildAsync, type BuildOutput } from '../../scripts/build.js';
import { pluginIdOf, proxyOriginOf } from '../../scripts/team-build.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PROXY = 'https://banana.acme.example';
const PLUGIN_ID = '1234567890123456789';
let dir: string;
let out: BuildOutput;
let trackedBefore: string;

beforeAll(async () => {
  trackedBefore = await readFile(join(ROOT, 'manifest.json'), 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'banana-team-build-'));
  out = await buildAsync({ outDir: dir, proxyUrl: `${PROXY}/`, pluginId: PLUGIN_ID });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a team build', () => {
  it("writes the manifest Figma imports, with the team's proxy, id and paths beside it", async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const tracked = JSON.parse(trackedBefore);
    expect(manifest).toEqual({
      ...tracked,
      id: PLUGIN_ID,
      main: 'code.js',
      ui: 'ui.html',
      networkAccess: {
        allowedDomains: [PROXY],
        devAllowedDomains: ['http://localhost:8787'],
        reasoning: expect.stringContaining(`proxy at ${PROXY}, which calls Google Gemini`),
      },
    });
    expect((await readdir(dir)).sort()).toEqual(['code.js', 'manifest.json', 'ui.html']);
  });

  it('tells both bundles the proxy and the origins the manifest allows', async () => {
    expect(out.target).toEqual({ proxyUrl: PROXY, allowedOrigins: [PROXY], devOrigins: ['http://localhost:8787'] });
    const expected = JSON.stringify(out.target);
    for (const bundle of [out.uiPath, out.codePath]) {
      const text = await readFile(bundle, 'utf8');
      expect(text).toContain(`"${PROXY}"`);
      expect(text).not.toContain('BANANA_BUILD_TARGET');
    }
    // The panel's default URL and its list of allowed origins are exactly what the manifest says.
    const ui = await readFile(out.uiPath, 'utf8');
    expect(ui.replace(/\s/g, '')).toContain(expected.replace(/"(\w+)":/g, '$1:').replace(/\s/g, ''));
  });

  it('leaves the tracked manifest.json as it was', async () => {
    expect(await readFile(join(ROOT, 'manifest.json'), 'utf8')).toBe(trackedBefore);
  });

  it('with no settings, writes the development manifest (the one the test suite built into dist/)', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'dist/manifest.json'), 'utf8'));
    expect(manifest).toEqual({ ...JSON.parse(trackedBefore), main: 'code.js', ui: 'ui.html' });
    expect(DEVELOPMENT_TARGET.devOrigins).toEqual(manifest.networkAccess.devAllowedDomains);
  });
});

describe('build settings', () => {
  it.each([
    ['https://banana.acme.example', 'https://banana.acme.example'],
    ['  https://Banana.ACME.example:443/ ', 'https://banana.acme.example'],
    ['https://banana.acme.example:8443', 'https://banana.acme.example:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000'],
  ])('accepts %j as %s', (raw, origin) => {
    expect(proxyOriginOf(raw)).toBe(origin);
  });

  it.each([
    ['banana.acme.example', 'BANANA_PROXY_URL is not a web address: "banana.acme.example"'],
    ['http://banana.acme.example', 'BANANA_PROXY_URL must start with https:// (got "http://banana.acme.example")'],
    ['ftp://banana.acme.example', 'BANANA_PROXY_URL must start with https://'],
    ['https://banana.acme.example/api', "BANANA_PROXY_URL must be the proxy's origin only, with no path"],
    ['https://banana.acme.example/?team=a', 'with no path, query or user'],
    ['https://user:pw@banana.acme.example', 'with no path, query or user'],
  ])('refuses %j in plain words', (raw, message) => {
    expect(() => proxyOriginOf(raw)).toThrow(message);
  });

  it.each(['banana-studio-dev', '12345', '1234567890123456789x', ''])('refuses the plugin id %j', (raw) => {
    expect(() => pluginIdOf(raw)).toThrow('FIGMA_PLUGIN_ID must be the numeric id Figma assigned your plugin');
  });

  it.each<[object, string]>([
    [{ proxyUrl: PROXY }, 'BANANA_PROXY_URL is set but FIGMA_PLUGIN_ID is not'],
    [{ pluginId: PLUGIN_ID }, 'FIGMA_PLUGIN_ID is set but BANANA_PROXY_URL is not'],
  ])('refuses half a team build %j', async (settings, message) => {
    await expect(buildAsync({ outDir: join(dir, 'never'), ...settings })).rejects.toThrow(message);
    await expect(readdir(join(dir, 'never'))).rejects.toThrow(/ENOENT/);
  });

  it('`npm run build` with a bad setting stops with one line and exit 1, before writing anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BANANA_PROXY_URL: 'http://proxy.internal' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^BANANA_PROXY_URL must start with https:/)]);
  }, 30_000);
});
