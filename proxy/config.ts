/**
 * Proxy settings from environment variables. Pure: `server.ts` passes `process.env` in, tests pass tables.
 * Variables follow `@google/genai`'s own names where one exists (gemini-api.md §2.1).
 */
import { blockListOf } from './cidr-list.js';

export type Backend =
  | { kind: 'offline' }
  | { kind: 'gemini'; apiKey: string; baseUrl?: string }
  | { kind: 'vertex'; apiKey?: string; project?: string; location: string; baseUrl?: string };

/**
 * The limits and switches the environment sets and the app runs with: `ServerSettings` reads them, `ProxyConfig`
 * (`app-env.ts`) carries them into the app, and both take their defaults from {@link DEFAULT_SERVING_LIMITS}.
 */
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

/** Every limit at its default: what an unset variable means, and what tests start from (`proxyConfig()`). */
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

/** Just the serving limits of `settings` (no port, backend or store), to hand to the app. */
export function servingLimitsOf(settings: ServingLimits): ServingLimits {
  const keys = Object.keys(DEFAULT_SERVING_LIMITS) as (keyof ServingLimits)[];
  return Object.fromEntries(keys.map((key) => [key, settings[key]])) as unknown as ServingLimits;
}

export interface ServerSettings extends ServingLimits {
  port: number;
  host: string;
  backend: Backend;
  /** A team token accepted as "dev"; in offline mode one is generated when unset. */
  devToken: string | null;
  modelsFile: string | null;
  /** Where the SQLite file lives (tokens, usage, cache) when there is no `databaseUrl`. */
  dataDir: string;
  /** PostgreSQL for several instances (`DATABASE_URL`); null keeps the embedded SQLite file. */
  databaseUrl: string | null;
  /** PostgreSQL connections per instance (`BANANA_DB_POOL_MAX`). */
  dbPoolMax: number;
  /** Free space on the data dir's disk below which the SQLite store is not ready (`BANANA_MIN_FREE_MB`). */
  minFreeBytes: number;
  /** Bearer token for `/admin`; null turns the admin routes off (offline mode generates one). */
  adminToken: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_DB_POOL_MAX = 10;
const DEFAULT_MIN_FREE_MB = 64;
/** Shortest admin token accepted: it guards every team token and the whole budget. */
export const MIN_ADMIN_TOKEN_CHARS = 16;

/** The serving limits that are numbers (set by `BANANA_*` variables in their own units). */
type NumericLimit = Exclude<keyof ServingLimits, 'logPrompts' | 'cacheScope' | 'trustedProxies'>;

/** Reads the settings; throws ConfigError with a plain message for a value that cannot work. */
export function loadSettings(env: Record<string, string | undefined>): ServerSettings {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  /** A numeric limit, set in the variable's unit (`unit` of the setting's), its default from the one table. */
  const limit = (key: NumericLimit, name: string, min: number, max: number, unit = 1) =>
    integer(value(name), DEFAULT_SERVING_LIMITS[key] / unit, name, min, max) * unit;
  const port = integer(value('PORT'), DEFAULT_PORT, 'PORT', 0, 65535);
  const maxBodyBytes = limit('maxBodyBytes', 'BANANA_MAX_BODY_MB', 1, 1024, MIB);
  // GOOGLE_API_KEY wins over GEMINI_API_KEY, as in the SDK (gemini-api.md §2.1).
  const apiKey = value('GOOGLE_API_KEY') ?? value('GEMINI_API_KEY');
  const baseUrl = value('GEMINI_BASE_URL');
  if (baseUrl && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new ConfigError(`GEMINI_BASE_URL must be an http(s) URL, got "${baseUrl}".`);
  }
  const vertex = /^(1|true|yes)$/i.test(value('GOOGLE_GENAI_USE_VERTEXAI') ?? '');
  let backend: Backend;
  if (vertex) {
    const project = value('GOOGLE_CLOUD_PROJECT');
    if (!project && !apiKey) {
      throw new ConfigError(
        'Vertex AI needs GOOGLE_CLOUD_PROJECT (with application-default credentials) or an express-mode GOOGLE_API_KEY.',
      );
    }
    backend = {
      kind: 'vertex',
      location: value('GOOGLE_CLOUD_LOCATION') ?? 'global',
      ...(project ? { project } : { apiKey }),
      ...(baseUrl ? { baseUrl } : {}),
    };
  } else if (apiKey) {
    backend = { kind: 'gemini', apiKey, ...(baseUrl ? { baseUrl } : {}) };
  } else {
    backend = offlineBackend(value('HOST') ?? DEFAULT_HOST, value('BANANA_OFFLINE'));
  }
  const adminToken = value('BANANA_ADMIN_TOKEN') ?? null;
  if (adminToken !== null && adminToken.length < MIN_ADMIN_TOKEN_CHARS) {
    throw new ConfigError(
      `BANANA_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_CHARS} characters; make one with: openssl rand -base64 32`,
    );
  }
  const databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
  }
  const logPrompts = value('BANANA_LOG_PROMPTS') ?? 'false';
  if (!/^(1|true|yes|0|false|no)$/i.test(logPrompts)) {
    throw new ConfigError(`BANANA_LOG_PROMPTS must be true or false, got "${logPrompts}".`);
  }
  const trustedProxies = (value('BANANA_TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    blockListOf(trustedProxies);
  } catch (error) {
    throw new ConfigError(`BANANA_TRUSTED_PROXIES: ${(error as Error).message}.`);
  }
  const trustProxyHops = limit('trustProxyHops', 'BANANA_TRUST_PROXY_HOPS', 0, 10);
  if (trustProxyHops > 0 && trustedProxies.length === 0) {
    throw new ConfigError(
      'BANANA_TRUST_PROXY_HOPS needs BANANA_TRUSTED_PROXIES, the addresses of the load balancers in front (e.g. 10.0.0.0/8): X-Forwarded-For is believed only from them.',
    );
  }
  const cacheScope = (value('BANANA_CACHE_SCOPE') ?? 'person').toLowerCase();
  if (cacheScope !== 'person' && cacheScope !== 'team') {
    throw new ConfigError(`BANANA_CACHE_SCOPE must be person or team, got "${cacheScope}".`);
  }
  return {
    port,
    host: value('HOST') ?? DEFAULT_HOST,
    backend,
    devToken: value('BANANA_DEV_TOKEN') ?? null,
    modelsFile: value('BANANA_MODELS_FILE') ?? null,
    maxBodyBytes,
    maxBufferedBytes: limit('maxBufferedBytes', 'BANANA_MAX_BUFFERED_MB', 1, 1_048_576, MIB),
    maxBufferedPerPersonBytes: limit(
      'maxBufferedPerPersonBytes',
      'BANANA_MAX_BUFFERED_PER_PERSON_MB',
      1,
      1_048_576,
      MIB,
    ),
    minUploadBytesPerSecond: limit('minUploadBytesPerSecond', 'BANANA_MIN_UPLOAD_KBPS', 0, 1_000_000, 1024),
    uploadWindowMs: limit('uploadWindowMs', 'BANANA_UPLOAD_WINDOW_S', 1, 3600, 1000),
    dataDir: value('BANANA_DATA_DIR') ?? './data',
    databaseUrl,
    dbPoolMax: integer(value('BANANA_DB_POOL_MAX'), DEFAULT_DB_POOL_MAX, 'BANANA_DB_POOL_MAX', 1, 1000),
    minFreeBytes: integer(value('BANANA_MIN_FREE_MB'), DEFAULT_MIN_FREE_MB, 'BANANA_MIN_FREE_MB', 0, 1_048_576) * MIB,
    adminToken,
    maxConcurrent: limit('maxConcurrent', 'BANANA_MAX_CONCURRENT', 1, 1024),
    maxQueue: limit('maxQueue', 'BANANA_MAX_QUEUE', 0, 100_000),
    maxQueuePerPerson: limit('maxQueuePerPerson', 'BANANA_MAX_QUEUE_PER_PERSON', 1, 100_000),
    maxQueueWaitMs: limit('maxQueueWaitMs', 'BANANA_MAX_QUEUE_WAIT_S', 1, 3600, 1000),
    authFailuresPerClient: limit('authFailuresPerClient', 'BANANA_AUTH_FAILURES_PER_MIN', 1, 100_000),
    authFailuresGlobal: limit('authFailuresGlobal', 'BANANA_AUTH_FAILURES_GLOBAL_PER_MIN', 1, 10_000_000),
    trustProxyHops,
    trustedProxies,
    cacheBytes: limit('cacheBytes', 'BANANA_CACHE_MB', 0, 1_048_576, MIB),
    logPrompts: /^(1|true|yes)$/i.test(logPrompts),
    cacheScope,
  };
}

/** Hosts that only this machine can reach: the offline double may answer there without being asked for. */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|::1|\[::1\]|127(\.\d{1,3}){3})$/i.test(host);
}

/**
 * The offline double with no credentials: fine on loopback (`npm start` on a laptop), refused on a network address
 * unless BANANA_OFFLINE=1 asks for it, so a team proxy started without its key never serves fake images.
 */
function offlineBackend(host: string, offlineFlag: string | undefined): Backend {
  if (offlineFlag !== undefined && !/^(1|true|yes|0|false|no)$/i.test(offlineFlag)) {
    throw new ConfigError(`BANANA_OFFLINE must be 1 or 0, got "${offlineFlag}".`);
  }
  if (isLoopbackHost(host) || /^(1|true|yes)$/i.test(offlineFlag ?? '')) return { kind: 'offline' };
  throw new ConfigError(
    `no Gemini credentials are set, and HOST=${host} serves the network, so designers would get fake images ` +
      'from the offline Gemini double. Set GEMINI_API_KEY for the Gemini API, or GOOGLE_GENAI_USE_VERTEXAI=true ' +
      'with GOOGLE_CLOUD_PROJECT for Vertex AI, or BANANA_OFFLINE=1 to serve the offline double on purpose.',
  );
}

function integer(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return n;
}
