/**
 * The panel's proxy client asking for the live answer (docs/proxy-api.md#live-previews), against the real proxy app
 * (its `fetch` is the app's own `request`, no port) with the real SDK streaming from the Gemini double: stages and
 * drafts are heard before the result, which is what the plain call gives; errors, refusals before the stream, and
 * Cancel end as they do for a plain call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_TOKEN, startHarness, type Harness } from '../support/proxy-harness.js';
import { createProxyClient, type ProxyClient } from '../../ui/proxy-client.js';
import type { LiveEvent } from '../../ui/proxy-stream.js';

let h: Harness;
let client: ProxyClient;
beforeAll(async () => {
  h = await startHarness({ retry: { maxAttempts: 1, maxWaitSeconds: 10, baseDelayMs: 1000, delayScale: 0.001 } });
  const appFetch = ((input: string, init?: RequestInit) => h.app.request(input, init)) as typeof fetch;
  client = createProxyClient({ proxyUrl: 'http://proxy.test', token: TEAM_TOKEN }, { fetch: appFetch });
});
afterAll(async () => {
  await h.close();
});

const MODEL = 'gemini-3.1-flash-image';

function listen(): { events: LiveEvent[]; onLive: (event: LiveEvent) => void } {
  const events: LiveEvent[] = [];
  return { events, onLive: (event) => events.push(event) };
}

describe('the live answer, through the panel’s client', () => {
  it('hears the stages and both drafts, then gets the plain call’s answer', async () => {
    const request = { prompt: 'a live kite', model: MODEL, imageSize: '512' as const, cache: false };
    const { events, onLive } = listen();
    const live = await client.generate(request, undefined, onLive);
    expect(events.map((e) => (e.event === 'stage' ? e.data.stage : `draft ${e.data.index}`))).toEqual([
      'thinking',
      'draft',
      'draft 1',
      'draft 2',
      'final',
    ]);
    const plain = await client.generate(request);
    expect(live).toEqual(plain);
    expect(live.ok && live.value.image.mimeType).toBe('image/jpeg');
  });

  it('ends a failed stream with the proxy’s error', async () => {
    const { events, onLive } = listen();
    const body = { prompt: 'a broken kite [double:stream-error]', model: MODEL, imageSize: '512' as const };
    const answer = await client.generate(body, undefined, onLive);
    expect(events.some((e) => e.event === 'draft')).toBe(true);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ code: 'upstream_error', message: expect.stringMatching(/Gemini/) });
  });

  it('reads a refusal before the stream opens (JSON) as the plain call does', async () => {
    const { events, onLive } = listen();
    const request = { prompt: 'x', model: 'no-such-model' };
    const live = await client.generate(request, undefined, onLive);
    expect(events).toEqual([]);
    expect(live).toEqual(await client.generate(request));
    expect(!live.ok && live.error.code).toBe('unknown_model');
  });

  it('is cancelled by its signal mid-stream, after a draft', async () => {
    const controller = new AbortController();
    const body = { prompt: 'a cancelled kite [double:stream-delay:400]', model: MODEL, imageSize: '512' as const };
    const answer = await client.generate(body, controller.signal, (event) => {
      if (event.event === 'draft') controller.abort();
    });
    expect(!answer.ok && answer.error.code).toBe('cancelled');
  });
});
