/**
 * The real proxy on a local port in front of a Gemini double, for the file that calls {@link useLiveProxy}: started
 * in `beforeAll`, closed (and its data dir removed) in `afterAll`. For tests that drive the real panel (in Node or in
 * Chromium) against the real `@google/genai` client, reading every upstream call off `double.requests`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { startProxy, type RunningProxy } from '../../proxy/server.js';

export interface LiveProxy {
  readonly double: GeminiDouble;
  readonly proxy: RunningProxy;
}

/** Registers the hooks; `token` is the proxy's dev token (`BANANA_DEV_TOKEN`), the one the panel's settings use. */
export function useLiveProxy(label: string, key: string, token = 'team-token'): LiveProxy {
  let double: GeminiDouble | undefined;
  let proxy: RunningProxy | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    double = await startGeminiDouble({ apiKey: key });
    dataDir = mkdtempSync(join(tmpdir(), `banana-${label}-`));
    proxy = await startProxy(
      {
        PORT: '0',
        BANANA_DATA_DIR: dataDir,
        GEMINI_API_KEY: key,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: token,
      },
      { writeLog: () => {} },
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await double?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The live proxy starts in beforeAll: use it inside a test or a hook');
    return value;
  };
  return {
    get double() {
      return started(double);
    },
    get proxy() {
      return started(proxy);
    },
  };
}
