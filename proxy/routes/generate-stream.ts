/**
 * The live answer of `POST /v1/generate` (docs/proxy-api.md#live-previews): asked for with `Accept:
 * text/event-stream`, it is the same request as a plain one (same validation, cache, limits, usage row and cost:
 * `generate.ts` runs those steps first, and refuses as JSON), then Gemini is called streamed and every step goes out
 * as a server-sent event (core/generate-stream.ts): `stage`, `draft` per interim thought image, and last `result`
 * (the plain route's body) or `error` (the plain route's error body and status). The answer is sent before it is
 * cached. A client that goes away mid-stream aborts the Gemini call, and the row says `cancelled` with what the call
 * may cost, as a cancelled plain call does.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { EVENT_STREAM_TYPE, type GenerateStage, type GenerateStreamEvent } from '../../core/generate-stream.js';
import type { GenerateResponse } from '../../core/proxy-schema.js';
import type { AppContext } from '../app-context.js';
import type { AppEnv } from '../app-env.js';
import { cacheAnswer } from '../answer-cache.js';
import { scrub } from '../gemini-errors.js';
import type { GeminiProgress } from '../gemini-port.js';
import type { GeneratePlan } from '../generate-plan.js';
import { answerFromGeminiAsync, endGenerateRunAsync, failGenerateRun, type GenerateRun } from '../generate-run.js';
import { ProxyError } from '../proxy-error.js';

/** Whether the client asked for the live answer: `text/event-stream` among the types it accepts. */
export function wantsEventStream(c: Context<AppEnv>): boolean {
  return (c.req.header('Accept') ?? '').toLowerCase().includes(EVENT_STREAM_TYPE);
}

/** A cached answer, live: at once, as its `result` event. */
export function streamCachedAnswer(c: Context<AppEnv>, body: GenerateResponse): Response {
  return streamSSE(c, async (stream) => {
    await send(stream, { event: 'stage', data: { stage: 'final' } });
    await send(stream, { event: 'result', data: body });
  });
}

/** Calls Gemini streamed and passes its steps on; ends the run (writes the usage row) when the stream ends. */
export function streamGeminiAnswer(
  ctx: AppContext,
  c: Context<AppEnv>,
  run: GenerateRun,
  plan: GeneratePlan,
  key: string | null,
): Response {
  return streamSSE(c, async (stream) => {
    // The client's going away, seen either way: the request's signal, or the response stream cancelled.
    const client = new AbortController();
    const abort = (): void => client.abort();
    c.req.raw.signal.addEventListener('abort', abort, { once: true });
    stream.onAbort(abort);
    const events = eventQueue(stream);
    let stage = 'thinking' as GenerateStage;
    let drafts = 0;
    events.push({ event: 'stage', data: { stage } });
    const onProgress = (progress: GeminiProgress): void => {
      const next: GenerateStage = progress.kind === 'thinking' ? 'thinking' : progress.kind;
      // Thinking comes before the first draft; after it, a thought summary does not move the stage back.
      if (next !== stage && !(next === 'thinking' && drafts > 0)) {
        stage = next;
        events.push({ event: 'stage', data: { stage } });
      }
      if (progress.kind === 'draft') events.push({ event: 'draft', data: { index: ++drafts, image: progress.image } });
    };
    try {
      const body = await answerFromGeminiAsync(ctx, c, run, plan, { signal: client.signal, onProgress });
      if (stage !== 'final') events.push({ event: 'stage', data: { stage: 'final' } });
      events.push({ event: 'result', data: body });
      await events.flushed();
      // A paid answer is kept even when its client has gone: the same request is then answered from the cache.
      if (key) await cacheAnswer(ctx, c, key, body);
    } catch (error) {
      const proxyError = failGenerateRun(run, error);
      logUnexpected(ctx, c, error, proxyError);
      if (!client.signal.aborted) {
        events.push({ event: 'error', data: { status: proxyError.status, ...proxyError.toJSON() } });
      }
      await events.flushed();
    } finally {
      c.req.raw.signal.removeEventListener('abort', abort);
      await endGenerateRunAsync(ctx, c, run);
    }
  });
}

/** Events written in order; progress is heard synchronously from the Gemini stream, so writes are chained. */
function eventQueue(stream: SSEStreamingApi): { push(event: GenerateStreamEvent): void; flushed(): Promise<void> } {
  let writing = Promise.resolve();
  return {
    push: (event) => {
      writing = writing.then(() => send(stream, event));
    },
    flushed: () => writing,
  };
}

function send(stream: SSEStreamingApi, { event, data }: GenerateStreamEvent): Promise<void> {
  return stream.writeSSE({ event, data: JSON.stringify(data) });
}

/** As `app.onError` does for a plain request: an error that is not ours is logged, its secrets scrubbed. */
function logUnexpected(ctx: AppContext, c: Context<AppEnv>, error: unknown, proxyError: ProxyError): void {
  if (proxyError.code !== 'internal_error' || error instanceof ProxyError) return;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[${c.get('requestId')}] unexpected error: ${scrub(detail, ctx.config.secrets)}`);
}
