/**
 * Live previews through the whole app (docs/proxy-api.md#live-previews): `POST /v1/generate` with `Accept:
 * text/event-stream`, the real SDK streaming from the Gemini double. The events come in order, the result is the
 * plain route's body, and the cache, the limits and the usage row behave as for a plain call; a client that goes
 * away mid-stream aborts Gemini and leaves a `cancelled` row with what the call may cost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStreamEvent, readSseEvents, type GenerateStreamEvent } from '../../core/generate-stream.js';
import { generateResponseSchema } from '../../core/proxy-schema.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ retry: { maxAttempts: 3, maxWaitSeconds: 10, baseDelayMs: 1000, delayScale: 0.001 } });
});
afterAll(async () => {
  await h.close();
});

const MODEL = 'gemini-3.1-flash-image';

/** A live request: the plain request with `Accept: text/event-stream`. */
function liveRequest(body: object, token?: string, signal?: AbortSignal): RequestInit {
  const init = generateRequest(body, token, signal);
  return { ...init, headers: { ...(init.headers as Record<string, string>), accept: 'text/event-stream' } };
}

/** Reads a live answer to its end; `onEvent` hears each event as it arrives. */
async function eventsOf(res: Response, onEvent?: (e: GenerateStreamEvent) => void): Promise<GenerateStreamEvent[]> {
  const parser = readSseEvents();
  const events: GenerateStreamEvent[] = [];
  const decoder = new TextDecoder();
  const take = (raw: { event: string; data: string }[]): void => {
    for (const { event, data } of raw) {
      const parsed = parseStreamEvent(event, data);
      if (!parsed) throw new Error(`not one of our events: ${event} ${data.slice(0, 80)}`);
      events.push(parsed);
      onEvent?.(parsed);
    }
  };
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(parser.push(decoder.decode(value, { stream: true })));
  }
  take(parser.end());
  return events;
}

const names = (events: GenerateStreamEvent[]): string[] =>
  events.map((e) => (e.event === 'stage' ? `stage:${e.data.stage}` : e.event));

async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}

describe('a live answer', () => {
  it('streams thinking, two drafts, then the final result: the plain route’s body, byte for byte', async () => {
    const body = { prompt: 'a live lighthouse', model: MODEL, imageSize: '512', cache: false, returnModelTurn: true };
    const res = await h.app.request('/v1/generate', liveRequest(body));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await eventsOf(res);
    expect(names(events)).toEqual(['stage:thinking', 'stage:draft', 'draft', 'draft', 'stage:final', 'result']);
    const drafts = events.flatMap((e) => (e.event === 'draft' ? [e.data] : []));
    expect(drafts.map((d) => d.index)).toEqual([1, 2]);
    const result = events.at(-1)!;
    if (result.event !== 'result') throw new Error('no result');
    expect(drafts.every((d) => d.image.mimeType === 'image/jpeg' && d.image.data !== result.data.image.data)).toBe(
      true,
    );

    const plain = await h.app.request('/v1/generate', generateRequest(body));
    expect(plain.status).toBe(200);
    const plainBody = generateResponseSchema.parse(await plain.json());
    expect(result.data).toEqual(plainBody);
    expect(result.data.modelTurn?.parts.some((p) => p.thought)).toBe(false);
    // The live call asked for thoughts; the plain one did not.
    const [live, unary] = h.double.requests.filter((r) => JSON.stringify(r.body).includes('a live lighthouse'));
    expect(live?.path).toMatch(/:streamGenerateContent$/);
    expect(JSON.stringify(live?.body)).toContain('"includeThoughts":true');
    expect(JSON.stringify(unary?.body)).not.toContain('includeThoughts');
  });

  it('writes one usage row, priced as the plain call is', async () => {
    const res = await h.app.request('/v1/generate', liveRequest({ prompt: 'a priced live fox', model: MODEL }));
    const id = res.headers.get('x-request-id')!;
    const events = await eventsOf(res);
    const result = events.at(-1)!;
    if (result.event !== 'result') throw new Error('no result');
    await eventually(async () => (await h.store.usageRecord(id)) !== null);
    expect(await h.store.usageRecord(id)).toMatchObject({
      outcome: 'ok',
      attempts: 1,
      cached: false,
      model: MODEL,
      costUsd: result.data.usage.costUsd,
    });
  });

  it('answers a cached request at once, as one result event', async () => {
    const body = { prompt: 'a cached live owl', model: MODEL, imageSize: '512' };
    const first = await eventsOf(await h.app.request('/v1/generate', liveRequest(body)));
    const calls = h.double.requests.length;
    const again = await eventsOf(await h.app.request('/v1/generate', liveRequest(body)));
    expect(h.double.requests.length).toBe(calls);
    expect(names(again)).toEqual(['stage:final', 'result']);
    const [a, b] = [first.at(-1), again.at(-1)];
    if (a?.event !== 'result' || b?.event !== 'result') throw new Error('no result');
    expect(b.data).toMatchObject({ cached: true, usage: { costUsd: 0 } });
    expect(b.data.image.data).toBe(a.data.image.data);
  });

  it('refuses over the limit before the stream opens, as plain JSON with the same status', async () => {
    const token = await h.addToken('Live limited', { dailyImages: 1 });
    await eventsOf(await h.app.request('/v1/generate', liveRequest({ prompt: 'live limit one' }, token)));
    const refused = await h.app.request('/v1/generate', liveRequest({ prompt: 'live limit two' }, token));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/json/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('limit_reached');
  });
});

describe('a live answer that fails', () => {
  it('ends with an error event: the plain route’s body and status (a blocked image)', async () => {
    const body = { prompt: 'a refused live cat [double:image-safety]', model: MODEL, imageSize: '512' };
    const res = await h.app.request('/v1/generate', liveRequest(body));
    const events = await eventsOf(res);
    const plain = await h.app.request('/v1/generate', generateRequest(body));
    const last = events.at(-1)!;
    expect(last).toEqual({ event: 'error', data: { status: plain.status, ...((await plain.json()) as object) } });
    expect(last.event === 'error' && last.data.error.code).toBe('safety_blocked');
  });

  it('fails mid-stream after the drafts: retried as a plain call is, then one error event and one row', async () => {
    const body = { prompt: 'a broken live stream [double:stream-error]', model: MODEL, imageSize: '512' };
    const res = await h.app.request('/v1/generate', liveRequest(body));
    const id = res.headers.get('x-request-id')!;
    const events = await eventsOf(res);
    expect(events.filter((e) => e.event === 'draft').length).toBeGreaterThanOrEqual(2);
    const last = events.at(-1)!;
    expect(last.event === 'error' && [last.data.status, last.data.error.code]).toEqual([502, 'upstream_error']);
    await eventually(async () => (await h.store.usageRecord(id)) !== null);
    expect(await h.store.usageRecord(id)).toMatchObject({ outcome: 'upstream_error', attempts: 3 });
  });

  it('aborts Gemini when the client goes away after a draft, and records the call as cancelled with its cost', async () => {
    const controller = new AbortController();
    const body = { prompt: 'an abandoned live heron', model: MODEL, imageSize: '512' };
    const res = await h.app.request('/v1/generate', liveRequest(body, undefined, controller.signal));
    const id = res.headers.get('x-request-id')!;
    const seen: string[] = [];
    await eventsOf(res, (e) => {
      seen.push(e.event);
      if (e.event === 'draft') controller.abort();
    }).catch(() => null);
    expect(seen).toContain('draft');
    expect(seen).not.toContain('result');
    const upstream = (): boolean =>
      h.double.requests.some((r) => JSON.stringify(r.body).includes('an abandoned live heron') && r.aborted);
    await eventually(upstream);
    await eventually(async () => (await h.store.usageRecord(id)) !== null);
    const row = await h.store.usageRecord(id);
    expect(row).toMatchObject({ outcome: 'cancelled', attempts: 1 });
    expect(row!.costUsd).toBeGreaterThan(0);
  });
});
