/**
 * The proxy as `npm run proxy` runs it, in a child process of its own (so it can be killed mid-request and its
 * memory measured alone), on a free port, with a fresh temp data dir. Only the environment given here reaches
 * it (plus PATH and HOME): a `DATABASE_URL` in the developer's shell never leaks into a test's proxy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface ProxyProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** Every line the proxy wrote to stdout and stderr so far (its request log among them). */
  output: string[];
  /** Resident memory of the proxy process, in bytes (0 once it is gone). */
  rss(): number;
  /** SIGTERM, then wait for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crashed machine or an OOM kill would: no cleanup runs. */
  kill(): Promise<void>;
}

export async function startProxyProcess(env: Record<string, string>): Promise<ProxyProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'proxy/server.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      BANANA_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output.join('\n')}`)), 60_000);
    const look = (): void => {
      const line = output.find((l) => l.includes('listening on '));
      const match = line && /listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code}:\n${output.join('\n')}`));
    });
  });
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    url,
    child,
    dataDir,
    output,
    rss() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
