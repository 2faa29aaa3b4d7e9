/**
 * Live previews (docs/proxy-api.md#live-previews): the time to the first interim draft through the proxy's event
 * stream, against the SDK streaming the same double directly (`includeThoughts`), interleaved, at 1K and 4K; and
 * the ratio of the two. The double's chunks are not spaced here (`streamChunkDelayMs: 0`), so what is measured is
 * the path, not the double's pacing.
 */
import { GoogleGenAI, Modality } from '@google/genai';
import { parseStreamEvent, readSseEvents } from '../core/generate-stream.js';
import { startGeminiDouble } from '../dev/gemini-double/server.js';
import { startProxyProcess } from './proxy-process.js';
import { fmt, percentile } from './stats.js';

const KEY = 'bench-key';
const TOKEN = 'bench-token';
const MODEL = 'gemini-3-pro-image';
const SIZES = [
  { label: '1K (1024×1024)', aspectRatio: '1:1', imageSize: '1K' },
  { label: '4K (5504×3072)', aspectRatio: '16:9', imageSize: '4K' },
] as const;

export async function benchLivePreview(iterations = 12): Promise<string[]> {
  const double = await startGeminiDouble({ apiKey: KEY, streamChunkDelayMs: 0 });
  const proxy = await startProxyProcess({ GEMINI_API_KEY: KEY, GEMINI_BASE_URL: double.url, BANANA_DEV_TOKEN: TOKEN });
  const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: double.url } });
  const lines = [
    'Time to the first draft, Gemini 3 Pro Image on the double (interleaved, the same prompt each time):',
    '| size | direct median | via proxy median | via proxy p95 | ratio (median) |',
    '| --- | --- | --- | --- | --- |',
  ];
  try {
    for (const size of SIZES) {
      const direct: number[] = [];
      const proxied: number[] = [];
      const n = size.imageSize === '4K' ? Math.ceil(iterations / 2) : iterations;
      for (let i = 0; i < n + 1; i++) {
        const prompt = `live benchmark ${size.imageSize}`;
        const a = await firstDraftDirectAsync(ai, prompt, size);
        const b = await firstDraftViaProxyAsync(proxy.url, prompt, size);
        // The first round warms up both paths.
        if (i > 0) {
          direct.push(a);
          proxied.push(b);
        }
      }
      const ratio = percentile(proxied, 50) / percentile(direct, 50);
      lines.push(
        `| ${size.label} | ${fmt(percentile(direct, 50))} | ${fmt(percentile(proxied, 50))} | ${fmt(percentile(proxied, 95))} | ${ratio.toFixed(2)} |`,
      );
    }
  } finally {
    await proxy.stop();
    await double.close();
  }
  return lines;
}

type Size = (typeof SIZES)[number];

/** Milliseconds until the SDK's stream yields the first thought image; the rest of the stream is read too. */
async function firstDraftDirectAsync(ai: GoogleGenAI, prompt: string, size: Size): Promise<number> {
  const started = performance.now();
  let first = NaN;
  const stream = await ai.models.generateContentStream({
    model: MODEL,
    contents: prompt,
    config: {
      responseModalities: [Modality.IMAGE],
      imageConfig: { aspectRatio: size.aspectRatio, imageSize: size.imageSize },
      thinkingConfig: { includeThoughts: true },
    },
  });
  for await (const chunk of stream) {
    const draft = chunk.candidates?.[0]?.content?.parts?.some((p) => p.thought && p.inlineData);
    if (draft && Number.isNaN(first)) first = performance.now() - started;
  }
  if (Number.isNaN(first)) throw new Error('the direct stream had no draft');
  return first;
}

/** Milliseconds until the proxy's live answer carries its first `draft` event; read to its `result`. */
async function firstDraftViaProxyAsync(proxyUrl: string, prompt: string, size: Size): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${proxyUrl}/v1/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      prompt,
      model: MODEL,
      aspectRatio: size.aspectRatio,
      imageSize: size.imageSize,
      cache: false,
    }),
  });
  const parser = readSseEvents();
  const decoder = new TextDecoder();
  let first = NaN;
  let result = false;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const raw of parser.push(decoder.decode(value, { stream: true }))) {
      const event = parseStreamEvent(raw.event, raw.data);
      if (event?.event === 'draft' && Number.isNaN(first)) first = performance.now() - started;
      if (event?.event === 'result') result = true;
    }
  }
  if (Number.isNaN(first) || !result) throw new Error(`the proxy's live answer had no draft or no result`);
  return first;
}
