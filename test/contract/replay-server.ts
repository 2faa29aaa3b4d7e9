/**
 * A loopback HTTP server that answers Gemini calls with published recordings (test/contract/recordings/): each
 * request names the recording it wants with `[replay:<id>]` in its text, and gets that exchange's status, content
 * type and body, byte for byte. It has the Gemini double's shape, so `startHarness({ double })` points the real
 * proxy and the real `@google/genai` client at it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordRequest } from '../../dev/gemini-double/recorded-request.js';
import type { GeminiDouble, RecordedRequest } from '../../dev/gemini-double/server.js';
import { exchangeOf, RECORDINGS, type RecordingId, type ReplayExchange } from './recording-catalogue.js';

export interface ReplayServer extends GeminiDouble {
  /** The exchange served for a recording (read once per id). */
  exchange(id: RecordingId): ReplayExchange;
  /** Calls that asked for this recording. */
  callsFor(id: RecordingId): RecordedRequest[];
}

/** The text that makes a request ask for a recording. */
export const replayMarker = (id: RecordingId): string => `[replay:${id}]`;

const MARKER = /\[replay:([^\]\s]+)\]/;

export async function startReplayServer(): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const exchanges = new Map<RecordingId, ReplayExchange>();
  const exchange = (id: RecordingId): ReplayExchange => {
    let found = exchanges.get(id);
    if (!found) exchanges.set(id, (found = exchangeOf(id)));
    return found;
  };
  const server = createServer((request, response) => {
    void answer(request, response, requests, exchange);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    batches: new Map(),
    exchange,
    callsFor: (id) => requests.filter((r) => JSON.stringify(r.body ?? '').includes(replayMarker(id))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  requests: RecordedRequest[],
  exchange: (id: RecordingId) => ReplayExchange,
): Promise<void> {
  const started = performance.now();
  const record = recordRequest(request);
  requests.push(record);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    record.body = JSON.parse(text);
  } catch {
    record.body = null;
  }
  const id = MARKER.exec(text)?.[1];
  const served: Pick<ReplayExchange, 'status' | 'contentType' | 'body'> =
    id && Object.hasOwn(RECORDINGS, id)
      ? exchange(id as RecordingId)
      : { status: 501, contentType: 'text/plain', body: `no recording asked for (or unknown): ${id ?? 'none'}` };
  response.writeHead(served.status, { 'content-type': served.contentType });
  response.end(served.body, () => {
    record.status = served.status;
    record.durationMs = performance.now() - started;
  });
  response.on('close', () => {
    if (!response.writableFinished) record.aborted = true;
  });
}
