/**
 * The proxy's overhead over calling the same Gemini double directly with the SDK, measured side by side in one run
 * (interleaved, so drift in the machine hits both equally), at 1K and 4K; and the proxy's peak memory per in-flight
 * 4K request. The proxy runs in its own process so its memory is measured alone.
 */
import { GoogleGenAI, Modality } from '@google/genai';
import { startGeminiDouble } from '../dev/gemini-double/server.js';
import { startProxyProcess, type ProxyProcess } from './proxy-process.js';
import { fmt, mb, percentile } from './stats.js';

const KEY = 'bench-key';
const TOKEN = 'bench-token';

interface Case {
  label: string;
  model: string;
  aspectRatio: string;
  imageSize: '1K' | '4K';
}

const CASES: Case[] = [
  { label: '1K (1024×1024, 3 Pro)', model: 'gemini-3-pro-image', aspectRatio: '1:1', imageSize: '1K' },
  { label: '4K (5504×3072, 3 Pro)', model: 'gemini-3-pro-image', aspectRatio: '16:9', imageSize: '4K' },
];

export async function benchProxyOverhead(iterations = 30): Promise<string[]> {
  const double = await startGeminiDouble({ apiKey: KEY });
  const proxy = await startProxyProcess({ GEMINI_API_KEY: KEY, GEMINI_BASE_URL: double.url, BANANA_DEV_TOKEN: TOKEN });
  const proxyUrl = proxy.url;
  const lines: string[] = [];
  try {
    const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: double.url } });
    lines.push('Proxy overhead over the SDK calling the same double directly (interleaved, same prompt each time):');
    lines.push(
      '| size | direct median | direct p95 | via proxy median | via proxy p95 | overhead median | overhead p95 |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const c of CASES) {
      const prompt = `benchmark picture ${c.imageSize}`;
      const direct: number[] = [];
      const proxied: number[] = [];
      const n = c.imageSize === '4K' ? Math.ceil(iterations / 2) : iterations;
      for (let i = 0; i < n + 2; i++) {
        const t0 = performance.now();
        const res = await ai.models.generateContent({
          model: c.model,
          contents: prompt,
          config: {
            responseModalities: [Modality.IMAGE],
            imageConfig: { aspectRatio: c.aspectRatio, imageSize: c.imageSize },
          },
        });
        const t1 = performance.now();
        if (!res.candidates?.[0]?.content?.parts?.some((p) => p.inlineData))
          throw new Error('direct call had no image');
        const r = await fetch(`${proxyUrl}/v1/generate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          // The same prompt every round: keep the cache out of it, this measures the path to Gemini.
          body: JSON.stringify({
            prompt,
            model: c.model,
            aspectRatio: c.aspectRatio,
            imageSize: c.imageSize,
            cache: false,
          }),
        });
        const body = (await r.json()) as { image?: { data: string } };
        const t2 = performance.now();
        if (!body.image) throw new Error(`proxy answered ${r.status}`);
        if (i >= 2) {
          // The first two rounds warm up both paths.
          direct.push(t1 - t0);
          proxied.push(t2 - t1);
        }
      }
      const overhead = proxied.map((p, i) => p - direct[i]!);
      lines.push(
        `| ${c.label} | ${fmt(percentile(direct, 50))} | ${fmt(percentile(direct, 95))} | ${fmt(percentile(proxied, 50))} | ${fmt(percentile(proxied, 95))} | ${fmt(percentile(overhead, 50))} | ${fmt(percentile(overhead, 95))} |`,
      );
    }
    lines.push('', ...(await benchMemory(proxy)));
  } finally {
    await proxy.stop();
    await double.close();
  }
  return lines;
}

/** Peak RSS of the proxy process while `concurrent` 4K requests are in flight at once, over its idle RSS. */
async function benchMemory(proxy: ProxyProcess, concurrent = 8): Promise<string[]> {
  const rss = (): number => proxy.rss();
  const proxyUrl = proxy.url;
  const idle = rss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5);
  const requests = Array.from({ length: concurrent }, (_, i) =>
    fetch(`${proxyUrl}/v1/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      // The slow trigger keeps all of them in flight together; each prompt differs so each answer is its own.
      body: JSON.stringify({
        prompt: `memory ${i} [double:slow:1500]`,
        model: 'gemini-3-pro-image',
        aspectRatio: '16:9',
        imageSize: '4K',
      }),
    }).then((r) => r.json()),
  );
  await Promise.all(requests);
  clearInterval(sampler);
  return [
    `Proxy memory with ${concurrent} 4K requests in flight at once: idle RSS ${mb(idle)}, peak ${mb(peak)}, ` +
      `so about ${mb((peak - idle) / concurrent)} per in-flight 4K request.`,
  ];
}
