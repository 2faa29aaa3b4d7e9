/**
 * Builds the real proxy app wired to the real `@google/genai` client, pointed at the Gemini double on loopback,
 * with a real store (SQLite in a fresh temp dir, or PostgreSQL in a fresh database) and a clock the test
 * controls. Nothing of ours is faked: only Gemini, which is across the network.
 */
import type { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelRegistry } from '../../core/models.js';
import { createApp } from '../../proxy/app.js';
import type { AppEnv } from '../../proxy/app-env.js';
import { proxyConfig, type ProxyConfig } from '../../proxy/proxy-config.js';
import type { Clock } from '../../proxy/clock.js';
import type { FairQueue } from '../../proxy/fair-queue.js';
import { createGeminiClient, type GeminiBackendConfig } from '../../proxy/gemini-client.js';
import type { GeminiPort } from '../../proxy/gemini-port.js';
import { createRequestLogger } from '../../proxy/logger.js';
import {
  createModelAvailability,
  everyModelAvailable,
  type ModelAvailability,
} from '../../proxy/model-availability.js';
import type { RetryBudget } from '../../proxy/store/pg-retry.js';
import { openPostgresStore } from '../../proxy/store/pg-store.js';
import { openSqliteStore } from '../../proxy/store/sqlite-store.js';
import type { ProxyStore, TokenLimits } from '../../proxy/store/store.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { loadRegistry } from './registry.js';
import { createTestDatabase } from './test-database.js';

export const TEST_KEY = 'AIzaSy-test-key-that-must-never-leak-0123456789';
export const TEAM_TOKEN = 'team-token-for-tests-abcdef';
export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

/** 2026-11-18 12:00 UTC: a Wednesday in the middle of a month. */
export const TEST_NOW = Date.UTC(2026, 10, 18, 12, 0, 0);

/** A clock that stands still until a test moves it. */
export interface TestClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = TEST_NOW): TestClock {
  let now = start;
  return {
    now: () => now,
    set: (ms) => (now = ms),
    advance: (ms) => (now += ms),
  };
}

/** A fresh temp dir for a store; removed by the harness's `close`. */
export function tempDataDir(label = 'banana-proxy'): string {
  return mkdtempSync(join(tmpdir(), `${label}-`));
}

export interface HarnessOptions extends Partial<ProxyConfig> {
  registry?: ModelRegistry;
  clock?: TestClock;
  /**
   * Which backend the SDK speaks to the double as: the Gemini API (default), Vertex express, or Vertex project. The
   * config's `backend` follows it unless given too.
   */
  sdk?: 'gemini' | 'vertex-express' | 'vertex-project';
  /** Use this data dir (e.g. one the admin CLI wrote) instead of a fresh one; it is left in place on close. */
  dataDir?: string;
  /** The upstream queue, to watch it from a test. */
  queue?: FairQueue;
  /** `postgres`: a PostgreSQL store (needs BANANA_TEST_DATABASE_URL), in a fresh database unless `databaseUrl`. */
  store?: 'sqlite' | 'postgres';
  /** Share this PostgreSQL database (another harness's `databaseUrl`: a second instance); left in place on close. */
  databaseUrl?: string;
  /** A Gemini double to share with another harness instead of starting one. */
  double?: GeminiDouble;
  /** How long PostgreSQL operations retry through an outage (default: the store's own, 10 s). */
  storeRetry?: RetryBudget;
  /**
   * Models the double's key cannot reach (its `unreachableModels`); the harness then runs the proxy's model check
   * once before it returns, as start-up does.
   */
  unreachableModels?: string[];
  /** `false`: leave the model check for later (a key that lost a model after the last check). */
  checkModels?: boolean;
  /** SQLite: how long to wait for another process's write lock (the store's 5 s by default). */
  busyTimeoutMs?: number;
}

export interface Harness {
  app: Hono<AppEnv>;
  double: GeminiDouble;
  logs: string[];
  store: ProxyStore;
  clock: TestClock;
  dataDir: string;
  /** The PostgreSQL database in use, or null for SQLite. */
  databaseUrl: string | null;
  /** The proxy's model check (every model available unless `unreachableModels` was given). */
  availability: ModelAvailability;
  /** The proxy's Gemini port over the real SDK, pointed at the double (what the batch poller uses). */
  gemini: GeminiPort;
  registry: ModelRegistry;
  /** Creates a team token with these limits; resolves with the token. */
  addToken(name: string, limits?: Partial<TokenLimits>): Promise<string>;
  close(): Promise<void>;
}

/**
 * A stub for Vertex's application-default credentials, as Google's own replay tests use
 * (docs/gemini-platform.md#endpoints).
 */
export const stubAuthClient = {
  getRequestHeaders: () => Promise.resolve(new Headers({ Authorization: 'Bearer test' })),
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const {
    registry = loadRegistry(),
    clock = testClock(),
    sdk = 'gemini',
    queue,
    dataDir: given,
    store: storeKind = options.databaseUrl ? 'postgres' : 'sqlite',
    databaseUrl: sharedDatabase,
    double: sharedDouble,
    storeRetry,
    unreachableModels,
    checkModels = true,
    minFreeBytes,
    busyTimeoutMs,
    ...config
  } = options;
  const double =
    sharedDouble ??
    (await startGeminiDouble({ registry, apiKey: TEST_KEY, ...(unreachableModels ? { unreachableModels } : {}) }));
  const dataDir = given ?? tempDataDir();
  const database = storeKind === 'postgres' && !sharedDatabase ? await createTestDatabase('h') : null;
  const databaseUrl = sharedDatabase ?? database?.url ?? null;
  const store = databaseUrl
    ? await openPostgresStore({
        url: databaseUrl,
        now: clock.now(),
        poolMax: 5,
        ...(storeRetry ? { retry: storeRetry } : {}),
      })
    : openSqliteStore({
        dataDir,
        now: clock.now(),
        ...(minFreeBytes !== undefined ? { minFreeBytes } : {}),
        ...(busyTimeoutMs !== undefined ? { busyTimeoutMs } : {}),
      });
  await store.putStaticToken({ name: 'Ana', token: TEAM_TOKEN, kind: 'team', now: clock.now() });
  const logs: string[] = [];
  const geminiConfig: GeminiBackendConfig =
    sdk === 'gemini'
      ? { backend: 'gemini', apiKey: TEST_KEY, baseUrl: double.url }
      : sdk === 'vertex-express'
        ? { backend: 'vertex', apiKey: TEST_KEY, baseUrl: double.url }
        : {
            backend: 'vertex',
            project: 'banana-test',
            location: 'us-central1',
            authClient: stubAuthClient,
            baseUrl: double.url,
          };
  const gemini = createGeminiClient(geminiConfig);
  const availability = unreachableModels
    ? createModelAvailability({ gemini, registry, clock })
    : everyModelAvailable(registry);
  if (unreachableModels && checkModels) await availability.check();
  const app = createApp({
    gemini,
    availability,
    registry,
    store,
    clock,
    ...(queue ? { queue } : {}),
    config: proxyConfig({
      backend:
        sdk === 'gemini'
          ? { kind: 'gemini', apiKey: TEST_KEY, baseUrl: double.url }
          : { kind: 'vertex', apiKey: TEST_KEY, location: 'us-central1', baseUrl: double.url },
      dataDir,
      databaseUrl,
      version: 'test',
      maxBodyBytes: 8 * 1024 * 1024,
      secrets: [TEST_KEY],
      adminToken: ADMIN_TOKEN,
      // Retries wait for real in production; here a "2s" RetryInfo takes 20 ms.
      retry: { maxAttempts: 3, maxWaitSeconds: 10, baseDelayMs: 1000, delayScale: 0.01 },
      ...config,
    }),
    log: createRequestLogger((line) => logs.push(line)),
  });
  return {
    app,
    double,
    logs,
    store,
    clock,
    dataDir,
    databaseUrl,
    availability,
    gemini,
    registry,
    async addToken(name, limits = {}) {
      const created = await store.createToken({
        name,
        limits: { dailyImages: null, monthlyUsd: null, rpm: null, ...limits },
        now: clock.now(),
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.token;
    },
    async close() {
      if (!sharedDouble) await double.close();
      await store.close();
      await database?.drop();
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON POST to /v1/generate with the team token. */
export function generateRequest(body: unknown, token: string | null = TEAM_TOKEN, signal?: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  };
}

/** A request to the admin API with the admin token (or another). */
export function adminRequest(method: string, body?: unknown, token: string = ADMIN_TOKEN): RequestInit {
  return {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}
