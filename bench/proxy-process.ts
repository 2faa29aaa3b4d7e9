/**
 * The proxy as `npm run proxy` runs it, in its own process (so its memory is measured alone), pointed at a Gemini
 * double in this process, with its data dir in a fresh temp folder so a benchmark never touches ./data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProxyProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** Resident memory of the proxy process, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

export async function startProxyProcess(env: Record<string, string>): Promise<ProxyProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-bench-'));
  const port = 18787 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'proxy/server.ts'], {
    env: { ...process.env, PORT: String(port), BANANA_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    url,
    child,
    dataDir,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`proxy did not start at ${url}`);
}
