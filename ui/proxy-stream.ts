/**
 * Reads the proxy's live answer to `POST /v1/generate` (server-sent events: core/generate-stream.ts) as it arrives:
 * each `stage` and `draft` goes to the listener at once, and the stream ends in the plain route's body (`result`)
 * or its error (`error`, with the status the plain route would have answered). ui/proxy-client.ts makes the call;
 * this only reads the body it got.
 */
import {
  EVENT_STREAM_TYPE,
  parseStreamEvent,
  readSseEvents,
  type GenerateStreamEvent,
} from '../core/generate-stream.js';
import type { ErrorEnvelope, GenerateResponse } from '../core/proxy-schema.js';

/** What the panel hears while the answer is on its way: a stage, or an interim image (never the result). */
export type LiveEvent = Extract<GenerateStreamEvent, { event: 'stage' | 'draft' }>;

/** How a live answer ended: its result, its error, or `null` when the stream stopped before either. */
export type LiveEnding = { result: GenerateResponse } | { status: number; body: ErrorEnvelope } | null;

/** Whether the proxy answered live (a proxy without live previews answers JSON, and is read as before). */
export function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith(EVENT_STREAM_TYPE);
}

/** Reads the stream to its last event. Throws as `response.text()` would when the body fails or is aborted. */
export async function readLiveAnswerAsync(
  response: Response,
  onEvent: (event: LiveEvent) => void,
): Promise<LiveEnding> {
  const body = response.body;
  if (!body) return null;
  const parser = readSseEvents();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let ending: LiveEnding = null;
  const take = (events: { event: string; data: string }[]): void => {
    for (const raw of events) {
      const event = parseStreamEvent(raw.event, raw.data);
      // Events this panel does not know (a newer proxy) are skipped; the ending is what matters.
      if (!event) continue;
      if (event.event === 'result') ending = { result: event.data };
      else if (event.event === 'error') ending = { status: event.data.status, body: { error: event.data.error } };
      else if (ending === null) onEvent(event);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(parser.push(decoder.decode(value, { stream: true })));
  }
  take(parser.end());
  return ending;
}
