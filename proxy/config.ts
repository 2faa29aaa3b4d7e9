/**
 * The proxy's configuration from environment variables. Pure: `server.ts` passes `process.env` in, tests pass
 * tables. Variables follow `@google/genai`'s own names where one exists (docs/gemini-platform.md#the-client).
 */
import { blockListOf } from './cidr-list.js';
import {
  DEFAULT_SERVING_LIMITS,
  proxyConfig,
  type Backend,
  type ProxyConfig,
  type ServingLimits,
} from './proxy-config.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Shortest admin token accepted: it guards every team token and the whole budget. */
export const MIN_ADMIN_TOKEN_CHARS = 16;

const MIB = 1024 * 1024;

/** A variable's value, trimmed; undefined when unset or blank. */
type EnvValue = (name: string) => string | undefined;

/** The serving limits that are numbers (set by `BANANA_*` variables in their own units). */
type NumericLimit = Exclude<keyof ServingLimits, 'logPrompts' | 'cacheScope' | 'trustedProxies'>;

/**
 * Reads the configuration; throws ConfigError with a plain message for a value that cannot work. What the
 * environment does not set (the version, the playground folder, the retry policy) keeps its default from
 * {@link proxyConfig}, for `server.ts` to fill in.
 */
export function loadConfig(env: Record<string, string | undefined>): ProxyConfig {
  const value: EnvValue = (name) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const defaults = proxyConfig();
  const host = value('HOST') ?? defaults.host;
  const backend = backendOf(value, host);
  return proxyConfig({
    port: integer(value('PORT'), defaults.port, 'PORT', 0, 65535),
    host,
    backend,
    modelsFile: value('BANANA_MODELS_FILE') ?? null,
    ...storeOf(value, defaults),
    ...readServingLimits(value),
    secrets: 'apiKey' in backend && backend.apiKey ? [backend.apiKey] : [],
    adminToken: adminTokenOf(value),
    devToken: value('BANANA_DEV_TOKEN') ?? null,
    batchPollMs: integer(value('BANANA_BATCH_POLL_SECONDS'), 60, 'BANANA_BATCH_POLL_SECONDS', 1, 3600) * 1000,
  });
}

/** The Gemini API with a key, Vertex AI when asked for, else the offline double (on loopback only). */
function backendOf(value: EnvValue, host: string): Backend {
  // GOOGLE_API_KEY wins over GEMINI_API_KEY, as in the SDK (docs/gemini-platform.md#the-client).
  const apiKey = value('GOOGLE_API_KEY') ?? value('GEMINI_API_KEY');
  const baseUrl = value('GEMINI_BASE_URL');
  if (baseUrl && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new ConfigError(`GEMINI_BASE_URL must be an http(s) URL, got "${baseUrl}".`);
  }
  if (/^(1|true|yes)$/i.test(value('GOOGLE_GENAI_USE_VERTEXAI') ?? '')) {
    const project = value('GOOGLE_CLOUD_PROJECT');
    if (!project && !apiKey) {
      throw new ConfigError(
        'Vertex AI needs GOOGLE_CLOUD_PROJECT (with application-default credentials) or an express-mode GOOGLE_API_KEY.',
      );
    }
    return {
      kind: 'vertex',
      location: value('GOOGLE_CLOUD_LOCATION') ?? 'global',
      ...(project ? { project } : { apiKey }),
      ...(baseUrl ? { baseUrl } : {}),
    };
  }
  if (apiKey) return { kind: 'gemini', apiKey, ...(baseUrl ? { baseUrl } : {}) };
  return offlineBackend(host, value('BANANA_OFFLINE'));
}

function adminTokenOf(value: EnvValue): string | null {
  const adminToken = value('BANANA_ADMIN_TOKEN') ?? null;
  if (adminToken !== null && adminToken.length < MIN_ADMIN_TOKEN_CHARS) {
    throw new ConfigError(
      `BANANA_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_CHARS} characters; make one with: openssl rand -base64 32`,
    );
  }
  return adminToken;
}

/** Where tokens, usage and the cache live: the SQLite file in the data dir, or PostgreSQL. */
function storeOf(
  value: EnvValue,
  defaults: ProxyConfig,
): Pick<ProxyConfig, 'dataDir' | 'databaseUrl' | 'dbPoolMax' | 'minFreeBytes'> {
  const databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
  }
  const freeMb = integer(value('BANANA_MIN_FREE_MB'), defaults.minFreeBytes / MIB, 'BANANA_MIN_FREE_MB', 0, 1_048_576);
  return {
    dataDir: value('BANANA_DATA_DIR') ?? defaults.dataDir,
    databaseUrl,
    dbPoolMax: integer(value('BANANA_DB_POOL_MAX'), defaults.dbPoolMax, 'BANANA_DB_POOL_MAX', 1, 1000),
    minFreeBytes: freeMb * MIB,
  };
}

/** Every serving limit, from its variable in the variable's unit, or its default. */
function readServingLimits(value: EnvValue): ServingLimits {
  const limit = (key: NumericLimit, name: string, min: number, max: number, unit = 1) =>
    integer(value(name), DEFAULT_SERVING_LIMITS[key] / unit, name, min, max) * unit;
  const logPrompts = value('BANANA_LOG_PROMPTS') ?? 'false';
  if (!/^(1|true|yes|0|false|no)$/i.test(logPrompts)) {
    throw new ConfigError(`BANANA_LOG_PROMPTS must be true or false, got "${logPrompts}".`);
  }
  const trustedProxies = trustedProxiesOf(value);
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
    maxBodyBytes: limit('maxBodyBytes', 'BANANA_MAX_BODY_MB', 1, 1024, MIB),
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

/** `BANANA_TRUSTED_PROXIES`: comma-separated CIDRs or addresses, each checked now rather than at the first request. */
function trustedProxiesOf(value: EnvValue): string[] {
  const trustedProxies = (value('BANANA_TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    blockListOf(trustedProxies);
  } catch (error) {
    throw new ConfigError(`BANANA_TRUSTED_PROXIES: ${(error as Error).message}.`);
  }
  return trustedProxies;
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
