import { describe, expect, it } from 'vitest';
import { proxyConfig } from '../../proxy/proxy-config.js';
import { ConfigError, loadConfig } from '../../proxy/config.js';
import { DEFAULT_RETRY_POLICY } from '../../proxy/call-with-retries.js';

describe('loadConfig', () => {
  it('runs offline on port 8787 with nothing set', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      backend: { kind: 'offline' },
      devToken: null,
      modelsFile: null,
      maxBodyBytes: 64 * 1024 * 1024,
      maxBufferedBytes: 256 * 1024 * 1024,
      maxBufferedPerPersonBytes: 128 * 1024 * 1024,
      minUploadBytesPerSecond: 1024,
      uploadWindowMs: 30_000,
      dataDir: './data',
      databaseUrl: null,
      dbPoolMax: 10,
      minFreeBytes: 64 * 1024 * 1024,
      adminToken: null,
      maxConcurrent: 8,
      maxQueue: 500,
      maxQueuePerPerson: 50,
      maxQueueWaitMs: 300_000,
      authFailuresPerClient: 10,
      authFailuresGlobal: 300,
      trustProxyHops: 0,
      trustedProxies: [],
      cacheBytes: 512 * 1024 * 1024,
      logPrompts: false,
      cacheScope: 'person',
      version: '0.0.0',
      secrets: [],
      timeoutScale: 1,
      retry: DEFAULT_RETRY_POLICY,
      playgroundDir: null,
      batchPollMs: 60_000,
    });
  });

  it('reads how often batch jobs are polled, in seconds, and refuses nonsense', () => {
    expect(loadConfig({ BANANA_BATCH_POLL_SECONDS: '5' }).batchPollMs).toBe(5000);
    expect(() => loadConfig({ BANANA_BATCH_POLL_SECONDS: '0' })).toThrow(/BANANA_BATCH_POLL_SECONDS/);
  });

  it('is the one set of defaults: nothing set is what tests and tools start from', () => {
    expect(loadConfig({})).toEqual(proxyConfig());
  });

  it('keeps the Gemini key among the secrets to scrub', () => {
    expect(loadConfig({ GEMINI_API_KEY: 'AIza-a-key' }).secrets).toEqual(['AIza-a-key']);
  });

  it('reads the settings for several instances on PostgreSQL', () => {
    const s = loadConfig({
      DATABASE_URL: 'postgres://banana:secret@db.internal:5432/banana',
      BANANA_DB_POOL_MAX: '20',
      BANANA_MAX_QUEUE_WAIT_S: '60',
      BANANA_AUTH_FAILURES_PER_MIN: '5',
      BANANA_AUTH_FAILURES_GLOBAL_PER_MIN: '100',
      BANANA_TRUST_PROXY_HOPS: '1',
      BANANA_TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8,192.168.1.10',
    });
    expect(s).toMatchObject({
      databaseUrl: 'postgres://banana:secret@db.internal:5432/banana',
      dbPoolMax: 20,
      maxQueueWaitMs: 60_000,
      authFailuresPerClient: 5,
      authFailuresGlobal: 100,
      trustProxyHops: 1,
      trustedProxies: ['10.0.0.0/8', 'fd00::/8', '192.168.1.10'],
    });
  });

  it.each<[string, Record<string, string>, object]>([
    ['a Gemini key', { GEMINI_API_KEY: 'k1' }, { kind: 'gemini', apiKey: 'k1' }],
    [
      'GOOGLE_API_KEY over GEMINI_API_KEY',
      { GEMINI_API_KEY: 'k1', GOOGLE_API_KEY: 'k2' },
      { kind: 'gemini', apiKey: 'k2' },
    ],
    [
      'a key and a base URL',
      { GEMINI_API_KEY: 'x', GEMINI_BASE_URL: 'http://127.0.0.1:9' },
      { kind: 'gemini', apiKey: 'x', baseUrl: 'http://127.0.0.1:9' },
    ],
    ['a blank key', { GEMINI_API_KEY: '  ' }, { kind: 'offline' }],
    [
      'Vertex with a project',
      { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_PROJECT: 'p', GOOGLE_CLOUD_LOCATION: 'us-central1' },
      { kind: 'vertex', project: 'p', location: 'us-central1' },
    ],
    [
      'Vertex express',
      { GOOGLE_GENAI_USE_VERTEXAI: '1', GOOGLE_API_KEY: 'vk' },
      { kind: 'vertex', apiKey: 'vk', location: 'global' },
    ],
  ])('picks the backend for %s', (_name, env, backend) => {
    expect(loadConfig(env).backend).toEqual(backend);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ BANANA_MAX_BODY_MB: '0' }, /BANANA_MAX_BODY_MB/],
    [{ GEMINI_API_KEY: 'k', GEMINI_BASE_URL: 'ftp://x' }, /GEMINI_BASE_URL must be an http/],
    [{ GOOGLE_GENAI_USE_VERTEXAI: 'true' }, /Vertex AI needs GOOGLE_CLOUD_PROJECT/],
    [{ BANANA_ADMIN_TOKEN: 'short' }, /BANANA_ADMIN_TOKEN must be at least 16 characters.*openssl rand/],
    [{ BANANA_MAX_CONCURRENT: '0' }, /BANANA_MAX_CONCURRENT must be a whole number from 1/],
    [{ BANANA_CACHE_MB: '-1' }, /BANANA_CACHE_MB/],
    [{ BANANA_MAX_QUEUE: 'many' }, /BANANA_MAX_QUEUE/],
    [{ BANANA_LOG_PROMPTS: 'sometimes' }, /BANANA_LOG_PROMPTS must be true or false/],
    [{ DATABASE_URL: 'mysql://x:y@h/db' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ BANANA_DB_POOL_MAX: '0' }, /BANANA_DB_POOL_MAX/],
    [{ BANANA_TRUST_PROXY_HOPS: '-1' }, /BANANA_TRUST_PROXY_HOPS/],
    [{ BANANA_TRUST_PROXY_HOPS: '1' }, /BANANA_TRUST_PROXY_HOPS needs BANANA_TRUSTED_PROXIES/],
    [{ BANANA_TRUSTED_PROXIES: '10.0.0.0/33' }, /BANANA_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an address or CIDR/],
    [{ BANANA_TRUSTED_PROXIES: 'balancer.internal' }, /BANANA_TRUSTED_PROXIES: "balancer\.internal"/],
    [{ BANANA_AUTH_FAILURES_PER_MIN: 'lots' }, /BANANA_AUTH_FAILURES_PER_MIN/],
  ])('rejects %j in plain words', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads port, host, token and limits', () => {
    const s = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      GEMINI_API_KEY: 'k1',
      BANANA_DEV_TOKEN: 'tok',
      BANANA_MAX_BODY_MB: '8',
    });
    expect(s).toMatchObject({ port: 9000, host: '0.0.0.0', devToken: 'tok', maxBodyBytes: 8 * 1024 * 1024 });
  });

  it('reads the store, admin, concurrency, cache and logging settings', () => {
    const s = loadConfig({
      BANANA_DATA_DIR: '/var/lib/banana',
      BANANA_ADMIN_TOKEN: 'a-long-admin-token-0123',
      BANANA_MAX_CONCURRENT: '16',
      BANANA_MAX_QUEUE: '40',
      BANANA_CACHE_MB: '0',
      BANANA_LOG_PROMPTS: 'true',
    });
    expect(s).toMatchObject({
      dataDir: '/var/lib/banana',
      adminToken: 'a-long-admin-token-0123',
      maxConcurrent: 16,
      maxQueue: 40,
      cacheBytes: 0,
      logPrompts: true,
    });
  });
});

describe('the offline double without a key', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('starts on the loopback host %s', (host) => {
    expect(loadConfig({ HOST: host }).backend).toEqual({ kind: 'offline' });
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'proxy.internal'])('is refused on %s, naming what to set', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
    const said = [
      `HOST=${host} serves the network`,
      'GEMINI_API_KEY',
      'GOOGLE_GENAI_USE_VERTEXAI=true',
      'BANANA_OFFLINE=1',
    ];
    for (const words of said) expect(() => loadConfig({ HOST: host })).toThrow(words);
  });

  it('starts on a network host when BANANA_OFFLINE=1 asks for it', () => {
    expect(loadConfig({ HOST: '0.0.0.0', BANANA_OFFLINE: '1' }).backend).toEqual({ kind: 'offline' });
    expect(() => loadConfig({ HOST: '0.0.0.0', BANANA_OFFLINE: '0' })).toThrow(/BANANA_OFFLINE=1/);
    expect(() => loadConfig({ BANANA_OFFLINE: 'maybe' })).toThrow('BANANA_OFFLINE must be 1 or 0, got "maybe".');
  });

  it('needs no flag on a network host once there are credentials', () => {
    expect(loadConfig({ HOST: '0.0.0.0', GEMINI_API_KEY: 'k1' }).backend).toEqual({ kind: 'gemini', apiKey: 'k1' });
    const vertex = loadConfig({ HOST: '0.0.0.0', GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_PROJECT: 'p' });
    expect(vertex.backend.kind).toBe('vertex');
  });
});
