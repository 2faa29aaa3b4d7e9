/**
 * Starts the proxy: the only file that reads the environment. With no Gemini credentials it starts the offline
 * Gemini double on loopback and points the real SDK at it, so the whole flow runs with no key and no network; it
 * does so only when the proxy itself listens on loopback or BANANA_OFFLINE=1 asks for it (`loadConfig` refuses
 * otherwise), so a team proxy started without its key never serves fake images.
 * Tokens, usage and the cache live in one SQLite file under `BANANA_DATA_DIR`, or in PostgreSQL (`DATABASE_URL`)
 * when several instances share them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModelRegistry, type ModelRegistry } from '../core/models.js';
import type { Backend, ProxyConfig } from './proxy-config.js';
import { createApp } from './app.js';
import { startBatchPoller } from './batch-poller.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { createGeminiClient, type GeminiBackendConfig } from './gemini-client.js';
import { createRequestLogger } from './logger.js';
import { createModelAvailability, type CheckTimers } from './model-availability.js';
import { reservationTtlMs } from './reservation-ttl.js';
import { startupError } from './startup-errors.js';
import { listen } from './listen.js';
import { isGoneFromThisHost } from './store/instance-name.js';
import { describeStore, openStore, type StoreSettings } from './store/open-store.js';
import type { ProxyStore } from './store/store.js';

const root = new URL('../', import.meta.url);

/** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
const SHUTDOWN_DRAIN_MS = 25_000;

/** How often each instance settles reservations that a stopped instance left behind. */
const SWEEP_INTERVAL_MS = 60_000;

/** What `startProxy` hands back: where it listens, and how to stop it (the double and the store too). */
export interface RunningProxy {
  url: string;
  port: number;
  devToken: string | null;
  /** The admin token in use (generated in offline mode when unset), or null when the admin routes are off. */
  adminToken: string | null;
  /** Absolute path of the data dir. */
  dataDir: string;
  /** Where tokens, usage and the cache live, for a start-up line (no password). */
  storeDescription: string;
  /** Stops; with `drainMs`, requests in flight get that long to finish first (SIGTERM in a rolling deploy). */
  close(options?: { drainMs?: number }): Promise<void>;
}

export interface StartOptions {
  writeLog?: (line: string) => void;
  clock?: Clock;
  /** Settings not taken from the environment (tests: a fast retry policy, a playground folder). */
  config?: Partial<ProxyConfig>;
  /** Vertex auth client instead of application-default credentials (tests pass a stub, docs/gemini-platform.md#endpoints). */
  vertexAuthClient?: unknown;
  /** Timers of the hourly model check (tests run it on their own). */
  modelCheckTimers?: CheckTimers;
}

/** Starts the proxy from environment-style settings; used by `npm start` and by tests that need a real server. */
export async function startProxy(
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<RunningProxy> {
  const loaded = loadConfig(env);
  const clock = options.clock ?? systemClock;
  const registry = parseModelRegistry(
    JSON.parse(readFileSync(loaded.modelsFile ?? new URL('config/models.json', root), 'utf8')),
  );
  const version = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }).version;
  const stops: (() => Promise<void>)[] = [];

  const { backend, devToken, adminToken } = await startBackend(loaded, registry, env, options, stops);

  const config: ProxyConfig = {
    ...loaded,
    dataDir: resolve(loaded.dataDir),
    version,
    secrets: backend.apiKey ? [backend.apiKey] : [],
    adminToken,
    devToken,
    playgroundDir: fileURLToPath(new URL('dist/playground/', root)),
    ...options.config,
  };
  const storeSettings = {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    dbPoolMax: config.dbPoolMax,
    minFreeBytes: config.minFreeBytes,
  };
  let store: ProxyStore;
  try {
    store = await startStore(storeSettings, reservationTtlMs(registry, config), devToken, clock, stops);
  } catch (error) {
    // E.g. a database from a newer proxy: stop the double we may have started before failing.
    for (const stop of stops) await stop();
    throw startupError(error, storeSettings) ?? error;
  }

  const gemini = createGeminiClient(backend);
  // Which configured models the key can reach: asked now and then hourly (model-availability.ts).
  const availability = createModelAvailability({
    gemini,
    registry,
    clock,
    ...(options.modelCheckTimers ? { timers: options.modelCheckTimers } : {}),
    onError: (message) => console.error(`[models] ${message}; serving every configured model`),
  });
  await availability.start();
  stops.unshift(async () => availability.stop());

  const app = createApp({
    gemini,
    availability,
    registry,
    store,
    clock,
    config,
    log: createRequestLogger(options.writeLog ?? ((line) => process.stdout.write(`${line}\n`))),
  });

  const stopPoller = startBatchPoller({ store, gemini, registry, clock, secrets: config.secrets }, config.batchPollMs);
  stops.unshift(async () => stopPoller());
  const server = await listen(app, config);
  let drainMs = 0;
  stops.unshift(() => server.close(drainMs));
  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.port}`,
    port: server.port,
    devToken,
    adminToken,
    dataDir: config.dataDir,
    storeDescription: describeStore(storeSettings),
    async close(options = {}) {
      drainMs = options.drainMs ?? 0;
      for (const stop of stops) await stop();
    },
  };
}

/**
 * The SDK's backend. With no credentials, the offline Gemini double on loopback, and generated dev and admin tokens
 * where none are set (printed at start); its stop goes on `stops`.
 */
async function startBackend(
  loaded: ProxyConfig,
  registry: ModelRegistry,
  env: Record<string, string | undefined>,
  options: StartOptions,
  stops: (() => Promise<void>)[],
): Promise<{ backend: GeminiBackendConfig; devToken: string | null; adminToken: string | null }> {
  const { devToken, adminToken } = loaded;
  if (loaded.backend.kind !== 'offline') {
    return { backend: geminiBackendOf(loaded.backend, options.vertexAuthClient), devToken, adminToken };
  }
  const { startGeminiDouble } = await import('../dev/gemini-double/server.js');
  const double = await startGeminiDouble({ registry, host: '127.0.0.1', port: 0, ...unreachableOf(env) });
  stops.push(() => double.close());
  return {
    backend: { backend: 'gemini', apiKey: 'offline-double', baseUrl: double.url },
    devToken: devToken ?? `dev-${randomBytes(18).toString('base64url')}`,
    adminToken: adminToken ?? `admin-${randomBytes(24).toString('base64url')}`,
  };
}

/**
 * Opens the store, puts the dev token in it, settles the reservations no live request owns (stale ones, and those
 * of a crashed process on this machine), and sweeps them each minute. Its stops go on `stops`.
 */
async function startStore(
  settings: StoreSettings,
  staleAfterMs: number,
  devToken: string | null,
  clock: Clock,
  stops: (() => Promise<void>)[],
): Promise<ProxyStore> {
  const store = await openStore(settings, clock.now());
  stops.push(() => store.close());
  await store.putStaticToken({ name: 'dev', token: devToken, kind: 'dev', now: clock.now() });
  await store.expireReservations(clock.now() - staleAfterMs);
  // A proxy that crashed on this machine (this one's previous run, or a neighbour) holds quota no request owns.
  await store.settleGoneInstances(isGoneFromThisHost);
  // Reservations left by an instance that died mid-request stop holding quota once no live request could still
  // own them; each instance sweeps (the update is idempotent, so several sweeping at once is harmless).
  const sweeper = setInterval(() => {
    Promise.all([
      store.expireReservations(clock.now() - staleAfterMs),
      store.settleGoneInstances(isGoneFromThisHost),
    ]).catch((error: unknown) => {
      console.error(`[store] could not settle stale reservations: ${String(error)}`);
    });
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  stops.unshift(async () => clearInterval(sweeper));
  return store;
}

/** `GEMINI_DOUBLE_UNREACHABLE=id,id` makes the offline double refuse those models (docs/gemini-double.md). */
function unreachableOf(env: Record<string, string | undefined>): { unreachableModels?: string[] } {
  const ids = (env.GEMINI_DOUBLE_UNREACHABLE ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length > 0 ? { unreachableModels: ids } : {};
}

/** The SDK's settings for a real backend: the Gemini API, or Vertex AI (with a key or a project). */
function geminiBackendOf(backend: Exclude<Backend, { kind: 'offline' }>, authClient: unknown): GeminiBackendConfig {
  const baseUrl = backend.baseUrl ? { baseUrl: backend.baseUrl } : {};
  if (backend.kind === 'gemini') return { backend: 'gemini', apiKey: backend.apiKey, ...baseUrl };
  const { apiKey, project, location } = backend;
  return {
    backend: 'vertex',
    location,
    ...(apiKey ? { apiKey } : {}),
    ...(project ? { project } : {}),
    ...(authClient ? { authClient } : {}),
    ...baseUrl,
  };
}

async function main(): Promise<void> {
  let proxy: RunningProxy;
  let settings: ProxyConfig;
  try {
    settings = loadConfig(process.env);
    proxy = await startProxy(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Banana Studio proxy: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const mode =
    settings.backend.kind === 'offline'
      ? 'OFFLINE: no Gemini credentials set, answering from the built-in Gemini double (set GEMINI_API_KEY for real Gemini)'
      : settings.backend.kind === 'vertex'
        ? 'Vertex AI'
        : 'Gemini API';
  console.log(`Banana Studio proxy listening on ${proxy.url} — ${mode}`);
  console.log(`Data: ${proxy.storeDescription} (tokens, usage, cache). Playground: ${proxy.url}/playground`);
  if (proxy.devToken && !settings.devToken) console.log(`Dev team token (generated for this run): ${proxy.devToken}`);
  else if (proxy.devToken) console.log('Dev team token: the value of BANANA_DEV_TOKEN');
  if (proxy.adminToken && !settings.adminToken) {
    console.log(`Admin token (generated for this run): ${proxy.adminToken}  → ${proxy.url}/admin`);
  } else if (proxy.adminToken) {
    console.log(`Admin page: ${proxy.url}/admin (sign in with BANANA_ADMIN_TOKEN)`);
  } else {
    console.log('Admin page off: set BANANA_ADMIN_TOKEN to a long random value to turn it on.');
  }
  const shutdown = (): void => {
    void proxy.close({ drainMs: SHUTDOWN_DRAIN_MS }).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await main();
}
