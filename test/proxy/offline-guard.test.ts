/**
 * `npm run proxy` on a network address with no Gemini credentials refuses to start (exit 1, one plain line, no
 * stack trace) instead of serving the offline double's fake images; with BANANA_OFFLINE=1 it starts offline.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxyProcess } from '../support/proxy-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs proxy/server.ts with only `env` (plus PATH and HOME) until it exits; its exit code and everything it wrote. */
function runProxyUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-guard-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'proxy/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', BANANA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // A proxy that started instead of refusing is stopped, so the test fails on its output rather than hanging.
  const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('the proxy process with no Gemini credentials', () => {
  it('refuses to start on HOST=0.0.0.0 and says which variable to set', async () => {
    const { code, output } = await runProxyUntilExit({ HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(output).toMatch(
      /^Banana Studio proxy: no Gemini credentials are set, and HOST=0\.0\.0\.0 serves the network/,
    );
    expect(output).toContain('Set GEMINI_API_KEY');
    expect(output).toContain('GOOGLE_GENAI_USE_VERTEXAI=true');
    expect(output).toContain('BANANA_OFFLINE=1');
    expect(output).not.toContain('listening on');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('starts offline on HOST=0.0.0.0 with BANANA_OFFLINE=1', async () => {
    const proxy = await startProxyProcess({ HOST: '0.0.0.0', BANANA_OFFLINE: '1' });
    try {
      expect(proxy.output.join('\n')).toContain('OFFLINE');
      const health = (await (await fetch(`${proxy.url}/health`)).json()) as { mode: string };
      expect(health.mode).toBe('offline');
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});
