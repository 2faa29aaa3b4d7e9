/**
 * Everything the proxy runs with, as one type: `loadConfig` (`config.ts`) reads it from the environment,
 * `server.ts` listens, opens the store and picks the backend by it, and `createApp` serves by it. Tests and tools
 * build one with {@link proxyConfig}, which holds every default (an unset variable means the same default).
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './call-with-retries.js';

/** Which Gemini answers, with its credentials (the app sees only `backend.kind`; the key is in `secrets`). */
export type Backend =
  | { kind: 'offline' }
  | { kind: 'gemini'; apiKey: string; baseUrl?: string }
  | { kind: 'vertex'; apiKey?: string; project?: string; location: string; baseUrl?: string };

/** The limits and switches of serving requests, each set by a `BANANA_*` variable. */
export interface ServingLimits {
  /** Largest request body accepted, in bytes (`BANANA_MAX_BODY_MB`). */
  maxBodyBytes: number;
  /** Request bodies held in memory at once over everyone, in bytes (`BANANA_MAX_BUFFERED_MB`). */
  maxBufferedBytes: number;
  /** Request bodies held in memory at once for one person, in bytes (`BANANA_MAX_BUFFERED_PER_PERSON_MB`). */
  maxBufferedPerPersonBytes: number;
  /** Slowest upload kept: bytes a second over each window (`BANANA_MIN_UPLOAD_KBPS`, in kB/s). */
  minUploadBytesPerSecond: number;
  /** The window an upload's rate is measured over, in ms (`BANANA_UPLOAD_WINDOW_S`). */
  uploadWindowMs: number;
  /** Upstream calls in flight at once, over all designers (`BANANA_MAX_CONCURRENT`). */
  maxConcurrent: number;
  /** Requests that may wait for a slot at once; more are refused with `proxy_busy` (`BANANA_MAX_QUEUE`). */
  maxQueue: number;
  /** Requests one person may have waiting at once; past it only they get 429 (`BANANA_MAX_QUEUE_PER_PERSON`). */
  maxQueuePerPerson: number;
  /** Longest a request waits for a slot before `proxy_busy`, in ms (`BANANA_MAX_QUEUE_WAIT_S`). */
  maxQueueWaitMs: number;
  /** Failed token checks one client address may make per minute before 429 (`BANANA_AUTH_FAILURES_PER_MIN`). */
  authFailuresPerClient: number;
  /**
   * Failed token checks per minute over all addresses on this instance before 429, except known-good addresses
   * (`BANANA_AUTH_FAILURES_GLOBAL_PER_MIN`).
   */
  authFailuresGlobal: number;
  /** Proxies in front of this one that append to `X-Forwarded-For` (`BANANA_TRUST_PROXY_HOPS`); 0 trusts none. */
  trustProxyHops: number;
  /** CIDRs of the proxies whose `X-Forwarded-For` is believed (`BANANA_TRUSTED_PROXIES`); empty: none. */
  trustedProxies: readonly string[];
  /** Cache cap in bytes (`BANANA_CACHE_MB`); 0 turns the cache off. */
  cacheBytes: number;
  /** Log prompt text, truncated (`BANANA_LOG_PROMPTS`). Never images, tokens or the key. */
  logPrompts: boolean;
  /** Whose answers a cache hit may return: the same person's only, or the whole team's (`BANANA_CACHE_SCOPE`). */
  cacheScope: 'person' | 'team';
}

const MIB = 1024 * 1024;

/** Every limit at its default: what an unset variable means. */
export const DEFAULT_SERVING_LIMITS: Readonly<ServingLimits> = Object.freeze({
  maxBodyBytes: 64 * MIB,
  maxBufferedBytes: 256 * MIB,
  maxBufferedPerPersonBytes: 128 * MIB,
  minUploadBytesPerSecond: 1024,
  uploadWindowMs: 30_000,
  maxConcurrent: 8,
  maxQueue: 500,
  maxQueuePerPerson: 50,
  maxQueueWaitMs: 300_000,
  authFailuresPerClient: 10,
  authFailuresGlobal: 300,
  trustProxyHops: 0,
  trustedProxies: [],
  cacheBytes: 512 * MIB,
  logPrompts: false,
  cacheScope: 'person',
});

/** The proxy's whole configuration: where it listens and keeps its data, which backend, and how it serves. */
export interface ProxyConfig extends ServingLimits {
  /** Where it listens (`PORT`, `HOST`); 0 picks a free port. */
  port: number;
  host: string;
  backend: Backend;
  /** The model registry (`BANANA_MODELS_FILE`); null: `config/models.json`. */
  modelsFile: string | null;
  /** Where the SQLite file lives (tokens, usage, cache) when there is no `databaseUrl` (`BANANA_DATA_DIR`). */
  dataDir: string;
  /** PostgreSQL for several instances (`DATABASE_URL`); null keeps the embedded SQLite file. */
  databaseUrl: string | null;
  /** PostgreSQL connections per instance (`BANANA_DB_POOL_MAX`). */
  dbPoolMax: number;
  /** Free space on the data dir's disk below which the SQLite store is not ready (`BANANA_MIN_FREE_MB`). */
  minFreeBytes: number;
  /** The proxy's version, as `/health` says it (`package.json`). */
  version: string;
  /** Values that must never appear in a response or a log line (the Gemini key); scrubbed wherever text passes on. */
  secrets: string[];
  /** Scales every per-model timeout (tests use a small factor). */
  timeoutScale: number;
  /** Bearer token for `/admin/*` (`BANANA_ADMIN_TOKEN`); null turns the admin routes off with a 403 saying how. */
  adminToken: string | null;
  /** The dev team token (`BANANA_DEV_TOKEN`); `/playground/config.json` hands it out in offline mode only. */
  devToken: string | null;
  retry: RetryPolicy;
  /**
   * How often each instance polls the open Batch API jobs at Google (`BANANA_BATCH_POLL_SECONDS`, default 60); a
   * job is polled by one instance at a time, at most this often (docs/operating-the-proxy.md#batch-jobs).
   */
  batchPollMs: number;
  /** Folder served at `/playground` (the built playground, `dist/playground`); null serves nothing there. */
  playgroundDir: string | null;
}

/** The configuration with every setting at its default, and `overrides` on top. */
export function proxyConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    port: 8787,
    host: '127.0.0.1',
    backend: { kind: 'offline' },
    modelsFile: null,
    dataDir: './data',
    databaseUrl: null,
    dbPoolMax: 10,
    minFreeBytes: 64 * MIB,
    version: '0.0.0',
    secrets: [],
    timeoutScale: 1,
    adminToken: null,
    devToken: null,
    ...DEFAULT_SERVING_LIMITS,
    retry: DEFAULT_RETRY_POLICY,
    playgroundDir: null,
    batchPollMs: 60_000,
    ...overrides,
  };
}
