/**
 * Starts the proxy: the only file that reads the environment. With no Gemini credentials it starts the offline
 * Gemini double on loopback and points the real SDK at it, so the whole flow runs with no key and no network.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseModelRegistry } from '../core/models.js';
import { createApp } from './app.js';
import { ConfigError, loadSettings, type ServerSettings } from './config.js';
import { createGeminiClient, type GeminiBackendConfig } from './gemini-client.js';
import { createRequestLogger } from './logger.js';
import { staticTokens } from './team-tokens.js';

const root = new URL('../', import.meta.url);

/** What `startProxy` hands back: where it listens, and how to stop it (the double too). */
export interface RunningProxy {
  url: string;
  port: number;
  devToken: string | null;
  close(): Promise<void>;
}

/** Starts the proxy from environment-style settings; used by `npm start` and by tests that need a real server. */
export async function startProxy(
  env: Record<string, string | undefined>,
  options: { writeLog?: (line: string) => void } = {},
): Promise<RunningProxy> {
  const settings = loadSettings(env);
  const registry = parseModelRegistry(
    JSON.parse(readFileSync(settings.modelsFile ?? new URL('config/models.json', root), 'utf8')),
  );
  const version = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }).version;
  const stops: (() => Promise<void>)[] = [];

  let backend: GeminiBackendConfig;
  let devToken = settings.devToken;
  if (settings.backend.kind === 'offline') {
    const { startGeminiDouble } = await import('../test/fakes/gemini/server.js');
    const double = await startGeminiDouble({ registry, host: '127.0.0.1', port: 0 });
    stops.push(() => double.close());
    backend = { backend: 'gemini', apiKey: 'offline-double', baseUrl: double.url };
    devToken ??= `dev-${randomBytes(18).toString('base64url')}`;
  } else if (settings.backend.kind === 'gemini') {
    backend = { backend: 'gemini', apiKey: settings.backend.apiKey, ...baseUrlOf(settings) };
  } else {
    const { apiKey, project, location } = settings.backend;
    backend = {
      backend: 'vertex',
      location,
      ...(apiKey ? { apiKey } : {}),
      ...(project ? { project } : {}),
      ...baseUrlOf(settings),
    };
  }

  const app = createApp({
    gemini: createGeminiClient(backend),
    registry,
    tokens: staticTokens(devToken ? [{ token: devToken, name: 'dev' }] : []),
    config: {
      mode: settings.backend.kind,
      version,
      maxBodyBytes: settings.maxBodyBytes,
      secrets: backend.apiKey ? [backend.apiKey] : [],
      timeoutScale: 1,
    },
    log: createRequestLogger(options.writeLog ?? ((line) => process.stdout.write(`${line}\n`))),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, () => resolve(s));
  });
  // 4K answers can take minutes: let Node's own request timeout out of the way; the proxy times out per model.
  if ('requestTimeout' in server) server.requestTimeout = 0;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  stops.unshift(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  );
  return {
    url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
    port,
    devToken,
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
  try {
    proxy = await startProxy(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Banana Studio proxy: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const settings = loadSettings(process.env);
  const mode =
    settings.backend.kind === 'offline'
      ? 'OFFLINE: no Gemini credentials set, answering from the built-in Gemini double (set GEMINI_API_KEY for real Gemini)'
      : settings.backend.kind === 'vertex'
        ? 'Vertex AI'
        : 'Gemini API';
  console.log(`Banana Studio proxy listening on ${proxy.url} — ${mode}`);
  if (proxy.devToken && !settings.devToken) console.log(`Dev team token (generated for this run): ${proxy.devToken}`);
  else if (proxy.devToken) console.log('Dev team token: the value of BANANA_DEV_TOKEN');
  const shutdown = (): void => {
    void proxy.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await main();
}
