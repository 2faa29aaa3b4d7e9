/**
 * Scale-out under load: two proxy processes on one PostgreSQL database, behind a simulated load balancer that
 * alternates between them, against the Gemini double (no upstream delay): thousands of requests, hundreds at
 * a time, loopback only. Then the same again while Gemini fails some calls once (retried) and every database
 * connection is cut twice mid-run. Figures: throughput, latency, each instance's memory, and the ledger: requests
 * that failed, usage rows lost (answers without their row), rows left in flight. The database comes from
 * BANANA_TEST_DATABASE_URL, else scripts/test-db.sh starts a throw-away one.
 */
import { execFileSync } from 'node:child_process';
import { openPostgresStore } from '../proxy/store/pg-store.js';
import { startGeminiDouble } from '../dev/gemini-double/server.js';
import { createTestDatabase, terminateConnections } from '../test/support/test-database.js';
import { startProxyProcess, type ProxyProcess } from './proxy-process.js';
import { fmt, mb, percentile } from './stats.js';

const KEY = 'bench-key';
const TOKEN = 'bench-token-scale-out';

interface Run {
  label: string;
  total: number;
  concurrency: number;
  /** Prompt for request i (a trigger word makes the double fail it once). */
  prompt: (i: number) => string;
  /** Cut every database connection at these fractions of the run. */
  cutsAt: number[];
}

/** The scale-out table: a clean run and a run with faults. */
export async function benchProxyScaleOut(total = 3000, concurrency = 200): Promise<string[]> {
  if (!process.env.BANANA_TEST_DATABASE_URL) {
    process.env.BANANA_TEST_DATABASE_URL = execFileSync('bash', ['scripts/test-db.sh', 'url'], {
      encoding: 'utf8',
    }).trim();
  }
  const double = await startGeminiDouble({ apiKey: KEY });
  const lines = [
    `${total} requests, ${concurrency} at a time, alternating between two proxy processes on one PostgreSQL database`,
    '(3.1 Flash, 512, every prompt different; double with no delay, drawing every image in the benchmark process;',
    'BANANA_MAX_CONCURRENT=32 per instance; after 40 warm-up requests per instance; "idle" RSS is after warm-up):',
    '',
    '| run | wall time | throughput | p50 | p95 | max | peak RSS A / B (idle) | failed | usage rows lost | left in flight |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const runs: Run[] = [
    { label: 'clean', total, concurrency, prompt: (i) => `scale ${i}`, cutsAt: [] },
    {
      label: 'faults: 5 % flaky 503s, DB connections cut twice',
      total,
      concurrency,
      prompt: (i) => (i % 20 === 7 ? `faulty ${i} [double:flaky-503]` : `faulty ${i}`),
      cutsAt: [0.3, 0.6],
    },
  ];
  try {
    for (const run of runs) lines.push(await benchRun(run, double.url));
  } finally {
    await double.close();
  }
  return lines;
}

/** One run on a fresh database and two fresh proxy processes: its row of the table, and why requests failed. */
async function benchRun(run: Run, doubleUrl: string): Promise<string> {
  const database = await createTestDatabase('bench');
  const env = {
    DATABASE_URL: database.url,
    GEMINI_API_KEY: KEY,
    GEMINI_BASE_URL: doubleUrl,
    BANANA_DEV_TOKEN: TOKEN,
    BANANA_MAX_CONCURRENT: '32',
    BANANA_DB_POOL_MAX: '10',
    BANANA_CACHE_MB: '64',
  };
  let a: ProxyProcess | null = null;
  let b: ProxyProcess | null = null;
  try {
    [a, b] = await Promise.all([startProxyProcess(env), startProxyProcess(env)]);
    const instances = [a, b];
    await warmUpAsync(instances);
    const idle = instances.map((p) => p.rss());
    const peak = [...idle];
    const sampler = setInterval(() => instances.forEach((p, i) => (peak[i] = Math.max(peak[i]!, p.rss()))), 10);
    const load = await driveLoadAsync(run, instances, new URL(database.url).pathname.slice(1));
    clearInterval(sampler);
    const { rows, settled, inFlight } = await readLedgerAsync(database.url);
    const { latencies, wall } = load;
    return (
      `| ${run.label} | ${fmt(wall)} | ${((run.total * 1000) / wall).toFixed(0)} req/s | ` +
      `${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 95))} | ${fmt(Math.max(...latencies))} | ` +
      `${mb(peak[0]!)} / ${mb(peak[1]!)} (${mb(idle[0]!)} / ${mb(idle[1]!)}) | ${load.failed} | ${load.answered - rows} | ` +
      `${inFlight} |` +
      (settled !== rows ? ` (report counts ${settled})` : '') +
      [...load.reasons].map(([reason, n]) => `\n  failed ${n}×: ${reason}`).join('')
    );
  } finally {
    await Promise.all([a?.stop(), b?.stop()]);
    await database.drop();
  }
}

/** Requests each instance serves before the figures are taken. */
const WARM_UP_REQUESTS = 40;

/**
 * Warms each instance up first (the first requests to a fresh process compile the code paths they take): the
 * figures are for an instance that has been serving for a while.
 */
async function warmUpAsync(instances: readonly ProxyProcess[]): Promise<void> {
  await Promise.all(
    instances.flatMap((p) =>
      Array.from({ length: WARM_UP_REQUESTS }, (_, i) =>
        fetch(`${p.url}/v1/generate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({
            prompt: `warm-up ${p.url} ${i}`,
            model: 'gemini-3.1-flash-image',
            imageSize: '512',
          }),
        }).then((res) => res.arrayBuffer()),
      ),
    ),
  );
}

/** What the load did: each request's latency, the wall time, and the requests that failed and why. */
interface LoadResult {
  latencies: number[];
  wall: number;
  failed: number;
  answered: number;
  reasons: Map<string, number>;
}

/**
 * The run's requests, `run.concurrency` at a time, alternating between the instances; every database connection
 * (of database `dbName`) is cut at the run's fractions.
 */
async function driveLoadAsync(run: Run, instances: readonly ProxyProcess[], dbName: string): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], wall: 0, failed: 0, answered: 0, reasons: new Map() };
  const note = (reason: string): void => void result.reasons.set(reason, (result.reasons.get(reason) ?? 0) + 1);
  let done = 0;
  let next = 0;
  const cuts = [...run.cutsAt];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.total) {
        const i = next++;
        const t = performance.now();
        try {
          const res = await fetch(`${instances[i % 2]!.url}/v1/generate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ prompt: run.prompt(i), model: 'gemini-3.1-flash-image', imageSize: '512' }),
          });
          const text = await res.text();
          result.answered++;
          if (res.status !== 200) {
            result.failed++;
            note(`${res.status} ${text.slice(0, 120)}`);
          }
        } catch (error) {
          result.failed++;
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          note(`${String(error)} ${cause?.code ?? cause?.message ?? ''}`);
        }
        result.latencies.push(performance.now() - t);
        done++;
        if (cuts.length > 0 && done >= cuts[0]! * run.total) {
          cuts.shift();
          void terminateConnections(dbName);
        }
      }
    }),
  );
  result.wall = performance.now() - started;
  return result;
}

/**
 * The usage ledger after the run, less the warm-up's rows: rows written, requests the usage report counts, and
 * reservations left in flight (expired here).
 */
async function readLedgerAsync(url: string): Promise<{ rows: number; settled: number; inFlight: number }> {
  const warmRows = 2 * WARM_UP_REQUESTS;
  const store = await openPostgresStore({ url, poolMax: 2 });
  const rows = (await store.countUsage()) - warmRows;
  const groups = await store.usageGroups(0);
  const settled = groups.reduce((n, g) => n + g.requests, 0) - warmRows;
  const inFlight = await store.expireReservations(Number.MAX_SAFE_INTEGER);
  await store.close();
  return { rows, settled, inFlight };
}
