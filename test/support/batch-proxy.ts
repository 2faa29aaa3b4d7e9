/**
 * A proxy that can be stopped and started again on the same port and data dir (the same SQLite file), in front of
 * one Gemini double that outlives it: what a restart between a Batch API job's submission and the file's reopening
 * needs. Jobs go in over HTTP with the body the panel sends (docs/proxy-api.md#batches).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchJobView, BatchRequest, BatchResultView } from '../../core/batch-schema.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { startProxy, type RunningProxy } from '../../proxy/server.js';

export const BATCH_TOKEN = 'team-token';
const KEY = 'AIzaSy-batch-jobs-key-0123456789abcdef';

export interface BatchProxy {
  double: GeminiDouble;
  proxy: RunningProxy;
  /** Stops the proxy (the store closes; its file stays) and starts it again, polling every `pollSeconds`. */
  restartAsync(pollSeconds: number): Promise<void>;
  submitAsync(body: BatchRequest): Promise<BatchJobView>;
  readAsync(id: string): Promise<{ job: BatchJobView; results: BatchResultView[] }>;
  /** Reads the job until it is done. */
  untilDoneAsync(id: string): Promise<BatchJobView>;
  closeAsync(): Promise<void>;
}

/** The double and a first proxy, polling every `pollSeconds`. */
export async function startBatchProxyAsync(pollSeconds: number): Promise<BatchProxy> {
  const double = await startGeminiDouble({ apiKey: KEY });
  const dataDir = mkdtempSync(join(tmpdir(), 'banana-batch-jobs-'));
  const start = (port: number, poll: number) =>
    startProxy(
      {
        PORT: String(port),
        BANANA_DATA_DIR: dataDir,
        GEMINI_API_KEY: KEY,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: BATCH_TOKEN,
        BANANA_BATCH_POLL_SECONDS: String(poll),
      },
      { writeLog: () => {} },
    );
  let proxy = await start(0, pollSeconds);
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${proxy.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${BATCH_TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const readAsync = (id: string) =>
    call('GET', `/v1/batches/${id}`) as Promise<{ job: BatchJobView; results: BatchResultView[] }>;
  return {
    double,
    get proxy() {
      return proxy;
    },
    async restartAsync(poll) {
      const port = proxy.port;
      await proxy.close();
      proxy = await start(port, poll);
    },
    submitAsync: async (body) => ((await call('POST', '/v1/batches', body)) as { job: BatchJobView }).job,
    readAsync,
    async untilDoneAsync(id) {
      for (let i = 0; i < 300; i++) {
        const { job } = await readAsync(id);
        if (job.doneAt) return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`job ${id} was not done after 30 s`);
    },
    async closeAsync() {
      await proxy.close();
      await double.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
