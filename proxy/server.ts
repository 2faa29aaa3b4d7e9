/**
 * Starts the proxy: the only file that reads the environment. With no Gemini credentials it starts the offline
 * Gemini double on loopback and points the real SDK at it, so the whole flow runs with no key and no network.
 * Tokens, usage and the cache live in one SQLite file under `BANANA_DATA_DIR`.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModelRegistry } from '../core/models.js';
import { HOUR_MS } from '../core/usage-periods.js';
import { proxyConfig, type ProxyConfig } from './app-env.js';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, loadSettings, type ServerSettings } from './config.js';
import { createGeminiClient, type GeminiBackendConfig } from './gemini-client.js';
import { createRequestLogger } from './logger.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { ProxyStore } from './store/store.js';

const root = new URL('../', import.meta.url);

/** Reservations older than this at start were left by a proxy that stopped mid-request. */
const STALE_RESERVATION_MS = HOUR_MS;

/** What `startProxy` hands back: where it listens, and how to stop it (the double and the store too). */
export interface RunningProxy {
  url: string;
  port: number;
  devToken: string | null;
  /** The admin token in use (generated in offline mode when unset), or null when the admin routes are off. */
  adminToken: string | null;
  /** Absolute path of the data dir. */
  dataDir: string;
  close(): Promise<void>;
}

export interface StartOptions {
  writeLog?: (line: string) => void;
  clock?: Clock;
  /** Settings not taken from the environment (tests: a fast retry policy, a playground folder). */
  config?: Partial<ProxyConfig>;
  /** Vertex auth client instead of application-default credentials (tests pass a stub, gemini-api.md §5). */
  vertexAuthClient?: unknown;
}

/** Starts the proxy from environment-style settings; used by `npm start` and by tests that need a real server. */
export async function startProxy(
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<RunningProxy> {
  const settings = loadSettings(env);
  const clock = options.clock ?? systemClock;
  const registry = parseModelRegistry(
    JSON.parse(readFileSync(settings.modelsFile ?? new URL('config/models.json', root), 'utf8')),
  );
  const version = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }).version;
  const stops: (() => Promise<void>)[] = [];

  let backend: GeminiBackendConfig;
  let devToken = settings.devToken;
  let adminToken = settings.adminToken;
  if (settings.backend.kind === 'offline') {
    const { startGeminiDouble } = await import('../test/fakes/gemini/server.js');
    const double = await startGeminiDouble({ registry, host: '127.0.0.1', port: 0 });
    stops.push(() => double.close());
    backend = { backend: 'gemini', apiKey: 'offline-double', baseUrl: double.url };
    devToken ??= `dev-${randomBytes(18).toString('base64url')}`;
    adminToken ??= `admin-${randomBytes(24).toString('base64url')}`;
  } else if (settings.backend.kind === 'gemini') {
    backend = { backend: 'gemini', apiKey: settings.backend.apiKey, ...baseUrlOf(settings) };
  } else {
    const { apiKey, project, location } = settings.backend;
    backend = {
      backend: 'vertex',
      location,
      ...(apiKey ? { apiKey } : {}),
      ...(project ? { project } : {}),
      ...(options.vertexAuthClient ? { authClient: options.vertexAuthClient } : {}),
      ...baseUrlOf(settings),
    };
  }

  const dataDir = resolve(settings.dataDir);
  let store: ProxyStore;
  try {
    store = openSqliteStore({ dataDir, now: clock.now() });
    stops.push(() => store.close());
    await store.putStaticToken({ name: 'dev', token: devToken, kind: 'dev', now: clock.now() });
    await store.expireReservations(clock.now() - STALE_RESERVATION_MS);
  } catch (error) {
    // E.g. a database from a newer proxy: stop the double we may have started before failing.
    for (const stop of stops) await stop();
    throw error;
  }

  const app = createApp({
    gemini: createGeminiClient(backend),
    registry,
    store,
    clock,
    config: proxyConfig({
      mode: settings.backend.kind,
      version,
      maxBodyBytes: settings.maxBodyBytes,
      secrets: backend.apiKey ? [backend.apiKey] : [],
      adminToken,
      devToken,
      maxConcurrent: settings.maxConcurrent,
      maxQueue: settings.maxQueue,
      cacheBytes: settings.cacheBytes,
      logPrompts: settings.logPrompts,
      playgroundDir: fileURLToPath(new URL('dist/playground/', root)),
      ...options.config,
    }),
    log: createRequestLogger(options.writeLog ?? ((line) => process.stdout.write(`${line}\n`))),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, () => resolveServer(s));
  });
  // 4K answers can take minutes: let Node's own request timeout out of the way; the proxy times out per model.
  if ('requestTimeout' in server) server.requestTimeout = 0;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  stops.unshift(
    () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  );
  return {
    url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
    port,
    devToken,
    adminToken,
    dataDir,
    async close() {
      for (const stop of stops) await stop();
    },
  };
}

function baseUrlOf(settings: ServerSettings): { baseUrl?: string } {
  return 'baseUrl' in settings.backend && settings.backend.baseUrl ? { baseUrl: settings.backend.baseUrl } : {};
}

async function main(): Promise<void> {
  let proxy: RunningProxy;
  let settings: ServerSettings;
  try {
    settings = loadSettings(process.env);
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
  console.log(`Data: ${proxy.dataDir} (tokens, usage, cache). Playground: ${proxy.url}/playground`);
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
    void proxy.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await main();
}
