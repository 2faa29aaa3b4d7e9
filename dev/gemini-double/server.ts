/**
 * The offline Gemini REST double: a loopback HTTP server that answers `@google/genai` 3.x as Google would, with
 * real decodable images of the tabled sizes. Point the real SDK at it with
 * `new GoogleGenAI({ apiKey, httpOptions: { baseUrl: double.url } })`. See docs/gemini-double.md.
 *
 * Standalone: `npx tsx dev/gemini-double/server.ts --port 8790 [--host 127.0.0.1] [--api-key KEY] [--unreachable id,id]`
 * (or `GEMINI_DOUBLE_UNREACHABLE=id,id`).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseModelRegistry, type ModelRegistry } from '../../core/models.js';
import { newBatchBook, type BatchClock, type DoubleBatchJob } from './batch-jobs.js';
import { internalError } from './errors.js';
import { handleRequest, type DoubleState } from './handle-request.js';
import { sendError } from './http-io.js';
import { recordRequest, type RecordedRequest } from './recorded-request.js';

export type { RecordedRequest } from './recorded-request.js';
export type { DoubleBatchJob } from './batch-jobs.js';

/** A running double. */
export interface GeminiDouble {
  /** Base URL for `httpOptions.baseUrl`, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  port: number;
  /** Every call so far, oldest first; entries are updated in place as each call ends. */
  requests: RecordedRequest[];
  /** Every Batch API job this double holds, by id (the part after `batches/`), to check what a client did. */
  batches: ReadonlyMap<string, DoubleBatchJob>;
  /** Stops listening and cuts open connections (a hanging call ends as aborted). */
  close(): Promise<void>;
}

/** Options for {@link startGeminiDouble}. */
export interface GeminiDoubleOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback `127.0.0.1` by default. */
  host?: string;
  /** Models served; defaults to `config/models.json`. */
  registry?: ModelRegistry;
  /** When a string, any other `x-goog-api-key` gets Google's 400 API_KEY_INVALID; null or absent accepts any key. */
  apiKey?: string | null;
  /**
   * Model ids this key cannot reach: left out of `GET /{v}/models`, and answered with Google's 404 NOT_FOUND for
   * generate and get (as a key without access to a model is answered). Standalone: `--unreachable id,id`.
   */
  unreachableModels?: readonly string[];
  /**
   * How many `GET batches/{id}` polls a Batch API job answers PENDING, then RUNNING, before it succeeds (defaults 1
   * and 1). Deterministic, so a test decides how long a job takes (docs/gemini-double.md#the-batch-api).
   */
  batchClock?: Partial<BatchClock>;
  /**
   * Wait between two chunks of an SSE stream, in ms: 150 by default, so the drafts of a live preview can be seen
   * arriving (docs/gemini-double.md#live-previews-streamed-thoughts). Standalone: `--stream-delay MS`.
   */
  streamChunkDelayMs?: number;
  /** Receives one short line per request: method, path, status, milliseconds. Never bodies or keys. */
  log?: (line: string) => void;
}

/** The default wait between two SSE chunks, in ms. */
export const DEFAULT_STREAM_CHUNK_DELAY_MS = 150;

/** The registry in `config/models.json`, read relative to this file. */
export function loadDefaultRegistry(): ModelRegistry {
  const file = new URL('../../config/models.json', import.meta.url);
  return parseModelRegistry(JSON.parse(readFileSync(file, 'utf8')));
}

/** Starts a double and resolves once it listens. */
export async function startGeminiDouble(options: GeminiDoubleOptions = {}): Promise<GeminiDouble> {
  const state: DoubleState = {
    batches: newBatchBook(options.batchClock),
    registry: options.registry ?? loadDefaultRegistry(),
    apiKey: options.apiKey ?? null,
    unreachable: new Set(options.unreachableModels ?? []),
    flakyCalls: new Map(),
    promptCalls: new Map(),
    streamChunkDelayMs: options.streamChunkDelayMs ?? DEFAULT_STREAM_CHUNK_DELAY_MS,
  };
  const requests: RecordedRequest[] = [];
  const log = options.log;
  const server = createServer((request, response) => {
    const started = performance.now();
    const record = recordRequest(request);
    requests.push(record);
    response.on('close', () => {
      record.durationMs = Math.round(performance.now() - started);
      record.status = response.headersSent ? response.statusCode : null;
      record.aborted = !response.writableFinished && !record.dropped;
      const note = record.aborted ? ' aborted' : record.dropped ? ' dropped' : '';
      log?.(`${record.method} ${record.path} ${record.status ?? '-'} ${record.durationMs}ms${note}`);
    });
    handleRequest(state, request, response, record).catch((error: unknown) => {
      // A bug in the double, not a Gemini behaviour: answer like Google's 500 and say so on stderr.
      console.error('gemini double: unexpected failure', error);
      if (!response.headersSent) sendError(response, internalError(), false);
      else response.destroy();
    });
  });
  // Idle keep-alive connections stay open a minute instead of Node's default 5 s: with 5 s, a client that reuses a
  // socket just as the server times it out (a loaded machine, a test decoding a 4K answer between calls) gets
  // ECONNRESET, a fault of the double's own and not one it means to mimic (its faults are triggers: triggers.ts).
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    requests,
    batches: state.batches.jobs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** `--port 8790 --host 127.0.0.1 --api-key KEY --unreachable id,id` → options (`GEMINI_DOUBLE_UNREACHABLE` too). */
export function parseDoubleArgs(argv: readonly string[], env: NodeJS.ProcessEnv): GeminiDoubleOptions {
  const options: GeminiDoubleOptions = { port: 8790 };
  const fromEnv = idList(env.GEMINI_DOUBLE_UNREACHABLE);
  if (fromEnv.length > 0) options.unreachableModels = fromEnv;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--port' && value !== undefined) options.port = Number(value);
    else if (argv[i] === '--host' && value !== undefined) options.host = value;
    else if (argv[i] === '--api-key' && value !== undefined) options.apiKey = value;
    else if (argv[i] === '--unreachable' && value !== undefined) options.unreachableModels = idList(value);
    else if (argv[i] === '--stream-delay' && value !== undefined) options.streamChunkDelayMs = Number(value);
    else continue;
    i++;
  }
  return options;
}

function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

async function main(): Promise<void> {
  const double = await startGeminiDouble({
    ...parseDoubleArgs(process.argv.slice(2), process.env),
    log: (line) => console.log(line),
  });
  console.log(`Gemini double listening on ${double.url}`);
  console.log(`Point the SDK at it: new GoogleGenAI({ apiKey: 'any', httpOptions: { baseUrl: '${double.url}' } })`);
  const stop = (): void => {
    void double.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
