/**
 * The Gemini double's answer on the wire (docs/gemini-platform.md#response-shape): one JSON body for a unary call,
 * a JSON array for a stream without `alt=sse`, or SSE chunks spaced `chunkDelayMs` apart (so a live preview can be
 * watched; docs/gemini-double.md#live-previews-streamed-thoughts); cut after the first chunk for `[double:drop]`, or
 * ended by an error event for `[double:stream-error]` (after the thoughts, when there are any).
 */
import type { ServerResponse } from 'node:http';
import type { Answer } from './answer.js';
import { errorForStatus } from './errors.js';
import { JSON_TYPE, sendJson, sendTruncated, SSE_TYPE, sseEvent, waitOrClose } from './http-io.js';
import type { RecordedRequest } from './recorded-request.js';
import { streamChunks, unaryBody, type ResponseMeta } from './response.js';
import type { Triggers } from './triggers.js';

/** How the call asked to be answered. */
export interface AnswerDelivery {
  /** `streamGenerateContent` rather than `generateContent`. */
  stream: boolean;
  /** `?alt=sse` on a stream. */
  sse: boolean;
  triggers: Triggers;
  /** Marked `dropped` when the double cuts the line. */
  record: RecordedRequest;
  /** For the stream error's wording. */
  modelId: string;
  /** Wait between two SSE chunks, in ms; the client going away ends the stream. */
  chunkDelayMs: number;
}

/** Writes `answer` as the call asked, misbehaving as its triggers say. */
export async function sendAnswerAsync(
  response: ServerResponse,
  answer: Answer,
  meta: ResponseMeta,
  delivery: AnswerDelivery,
): Promise<void> {
  const { stream, sse, triggers, record } = delivery;
  if (!stream) {
    if (!triggers.drop) return sendJson(response, 200, unaryBody(answer, meta));
    record.dropped = true;
    return sendTruncated(response, 200, JSON_TYPE, JSON.stringify(unaryBody(answer, meta)));
  }
  const chunks = streamChunks(answer, meta);
  if (!sse) return sendJson(response, 200, chunks); // Without alt=sse, a stream is one JSON array.
  response.writeHead(200, { 'content-type': SSE_TYPE, 'cache-control': 'no-cache' });
  // A failing stream fails after its thoughts (the drafts were seen), or after its first chunk.
  const thoughts = answer.kind === 'content' ? answer.parts.filter((part) => part.wire.thought).length : 0;
  const errorAfter = Math.max(0, thoughts - 1);
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0 && delivery.chunkDelayMs > 0 && (await waitOrClose(response, delivery.chunkDelayMs)) === 'closed') return;
    if (response.destroyed) return;
    response.write(sseEvent(chunk));
    if (i === 0 && triggers.drop) {
      record.dropped = true;
      response.write('data: {"candidates": [', () => response.socket?.destroy());
      return;
    }
    if (i === errorAfter && triggers.streamError) {
      const { error } = errorForStatus(500, delivery.modelId, triggers.retryDelay);
      response.end(sseEvent({ error }));
      return;
    }
  }
  response.end();
}
