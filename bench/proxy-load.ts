/**
 * The team proxy under load, in its own process against the Gemini double (no upstream delay): how fast a cache
 * hit answers a 4K result, and what 200 concurrent requests do to throughput, latency and memory, and whether
 * every one of them left its usage row (none may be lost). Loopback only, bounded loops.
 */
import { openSqliteStore } from '../proxy/store/sqlite-store.js';
import { startGeminiDouble } from '../dev/gemini-double/server.js';
import { startProxyProcess, type ProxyProcess } from './proxy-process.js';
import { fmt, mb, percentile } from './stats.js';

const KEY = 'bench-key';
const TOKEN = 'bench-token';

export async function benchProxyLoad(): Promise<string[]> {
  const double = await startGeminiDouble({ apiKey: KEY });
  const lines: string[] = [];
  try {
    const proxy = await startProxyProcess({
      GEMINI_API_KEY: KEY,
      GEMINI_BASE_URL: double.url,
      BANANA_DEV_TOKEN: TOKEN,
    });
    try {
      lines.push(...(await benchCacheHit(proxy)), '');
    } finally {
      await proxy.stop();
    }
    lines.push('200 concurrent requests (3.1 Flash, 512, each prompt different), double with no delay:');
    lines.push(
      '| BANANA_MAX_CONCURRENT | wall time | throughput | p50 | p95 | max | peak RSS (idle) | 200s | usage rows lost |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const maxConcurrent of [8, 32]) {
      const proxy = await startProxyProcess({
        GEMINI_API_KEY: KEY,
        GEMINI_BASE_URL: double.url,
        BANANA_DEV_TOKEN: TOKEN,
        BANANA_MAX_CONCURRENT: String(maxConcurrent),
      });
      try {
        lines.push(await benchConcurrent(proxy, maxConcurrent));
      } finally {
        await proxy.stop();
      }
    }
  } finally {
    await double.close();
  }
  return lines;
}

function generate(url: string, body: object): Promise<Response> {
  return fetch(`${url}/v1/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
}

/** A 4K answer (5504×3072), then the same request again and again: served from the store, Gemini not called. */
async function benchCacheHit(proxy: ProxyProcess, rounds = 30): Promise<string[]> {
  const body = { prompt: 'cache hit benchmark', model: 'gemini-3-pro-image', aspectRatio: '16:9', imageSize: '4K' };
  const t0 = performance.now();
  const first = (await (await generate(proxy.url, body)).json()) as { cached: boolean; image: { data: string } };
  const miss = performance.now() - t0;
  if (first.cached) throw new Error('the first 4K request was already cached');
  const hits: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const res = (await (await generate(proxy.url, body)).json()) as { cached: boolean; image: { data: string } };
    hits.push(performance.now() - t);
    if (!res.cached || res.image.data.length !== first.image.data.length) throw new Error('expected a cache hit');
  }
  return [
    `Cache hit for a 4K result (5504×3072 PNG, ${mb((first.image.data.length * 3) / 4)}), over HTTP including the ` +
      `JSON body: median ${fmt(percentile(hits, 50))}, p95 ${fmt(percentile(hits, 95))} ` +
      `(the first, uncached call: ${fmt(miss)}).`,
  ];
}

async function benchConcurrent(proxy: ProxyProcess, maxConcurrent: number, count = 200): Promise<string> {
  const idle = proxy.rss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, proxy.rss())), 5);
  const latencies: number[] = [];
  const statuses: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = performance.now();
      const res = await generate(proxy.url, {
        prompt: `load ${maxConcurrent} ${i}`,
        model: 'gemini-3.1-flash-image',
        imageSize: '512',
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.push(res.status);
    }),
  );
  const wall = performance.now() - started;
  clearInterval(sampler);
  // Every request must have left exactly one usage row; count them in the proxy's own file.
  const store = openSqliteStore({ dataDir: proxy.dataDir });
  const rows = await store.countUsage();
  await store.close();
  const ok = statuses.filter((s) => s === 200).length;
  return (
    `| ${maxConcurrent} | ${fmt(wall)} | ${((count * 1000) / wall).toFixed(0)} req/s | ${fmt(percentile(latencies, 50))} | ` +
    `${fmt(percentile(latencies, 95))} | ${fmt(Math.max(...latencies))} | ${mb(peak)} (${mb(idle)}) | ${ok} | ${count - rows} |`
  );
}
