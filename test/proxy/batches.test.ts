/**
 * `/v1/batches` end to end: the real proxy app and the real `@google/genai` client in front of the Gemini double's
 * Batch API. A job is submitted, the store is closed and opened again (the same SQLite file, the same PostgreSQL
 * database) by a second proxy, which polls the job to done; its results are read and placed; another job is
 * cancelled, at the double too. Limits are reserved at submission, at the batch rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchJobView, BatchResultView } from '../../core/batch-schema.js';
import { costModelOf, estimateCostUsd } from '../../core/cost-estimate.js';
import { findModel, roundUsd } from '../../core/models.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { pollBatchesOnce } from '../../proxy/batch-poller.js';
import {
  startHarness,
  tempDataDir,
  TEAM_TOKEN,
  TEST_KEY,
  type Harness,
  type HarnessOptions,
} from '../support/proxy-harness.js';
import { noisePng } from '../support/noise-png.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../support/test-database.js';

const MODEL = 'gemini-3.1-flash-image';

function call(h: Harness, method: string, path: string, body?: unknown, token = TEAM_TOKEN) {
  return h.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function job(prompts: string[], over: Record<string, unknown> = {}) {
  return {
    model: MODEL,
    fileKey: 'FILE-1',
    imageSize: '512',
    aspectRatio: '1:1',
    requests: prompts.map((prompt, i) => ({ layerId: `1:${i + 1}`, prompt })),
    ...over,
  };
}

async function pollUntilDone(h: Harness, id: string): Promise<BatchJobView> {
  const deps = { store: h.store, gemini: h.gemini, registry: h.registry, clock: h.clock, secrets: [TEST_KEY] };
  for (let i = 0; i < 6; i++) {
    await pollBatchesOnce(deps, 0);
    const body = (await (await call(h, 'GET', `/v1/batches/${id}`)).json()) as { job: BatchJobView };
    if (body.job.doneAt) return body.job;
  }
  throw new Error('the job never finished');
}

function eachStore(kind: 'sqlite' | 'postgres') {
  let double: GeminiDouble;
  let database: TestDatabase | null = null;
  let dataDir: string;
  const open = (): Promise<Harness> => {
    const options: HarnessOptions = { double, dataDir };
    return startHarness(database ? { ...options, databaseUrl: database.url } : options);
  };
  beforeAll(async () => {
    double = await startGeminiDouble({ apiKey: TEST_KEY });
    dataDir = tempDataDir('banana-batches');
    if (kind === 'postgres') database = await createTestDatabase('batches');
  });
  afterAll(async () => {
    await double?.close();
    await database?.drop();
  });

  it('submits a job, survives a restart of the store, polls it to done and places its results', async () => {
    const first = await open();
    const created = await call(first, 'POST', '/v1/batches', job(['a chair', 'a lamp [double:500]', 'a vase']));
    expect(created.status).toBe(201);
    const { job: submitted } = (await created.json()) as { job: BatchJobView };
    expect(submitted).toMatchObject({ state: 'pending', fileKey: 'FILE-1', counts: { requests: 3, succeeded: 0 } });
    const model = findModel(first.registry, MODEL)!;
    const standard = estimateCostUsd(costModelOf(model), '512', 0, 'a chair'.length)!;
    expect(submitted.costUsd).toBeCloseTo(roundUsd(standard / 2) * 3, 2);
    expect(double.batches.size).toBeGreaterThan(0);
    await first.close(); // The store closes; the file (or database) stays.

    const second = await open();
    const listed = (await (await call(second, 'GET', '/v1/batches?fileKey=FILE-1')).json()) as { jobs: BatchJobView[] };
    expect(listed.jobs.map((j) => j.id)).toContain(submitted.id);
    const done = await pollUntilDone(second, submitted.id);
    expect(done).toMatchObject({ state: 'succeeded', counts: { requests: 3, succeeded: 2, failed: 1, placed: 0 } });
    const read = (await (await call(second, 'GET', `/v1/batches/${submitted.id}`)).json()) as {
      results: BatchResultView[];
    };
    expect(read.results.map((r) => [r.layerId, r.state])).toEqual([
      ['1:1', 'ok'],
      ['1:2', 'failed'],
      ['1:3', 'ok'],
    ]);
    expect(read.results[0]?.image).toMatchObject({ mimeType: 'image/jpeg', width: 512, height: 512 });
    expect(read.results[1]?.error?.code).toBe('upstream_error');
    // Settled per request at the batch rate: half of what its usageMetadata costs at the standard rate.
    const row = await second.store.usageRecord(`${submitted.id}/0`);
    expect(row).toMatchObject({ outcome: 'ok', model: MODEL, imageSize: '512', aspectRatio: '1:1', inputImages: 0 });
    const single = await call(second, 'POST', '/v1/generate', {
      model: MODEL,
      prompt: 'a chair',
      imageSize: '512',
      aspectRatio: '1:1',
      cache: false,
    });
    const standardUsd = ((await single.json()) as { usage: { costUsd: number } }).usage.costUsd;
    expect(row!.costUsd).toBeGreaterThan(0);
    expect(row!.costUsd).toBeCloseTo(standardUsd / 2, 5);
    expect(await second.store.usageRecord(`${submitted.id}/1`)).toMatchObject({ costUsd: 0 });
    const third = await second.store.usageRecord(`${submitted.id}/2`);
    expect(done.costUsd).toBeCloseTo(row!.costUsd + third!.costUsd, 9);

    const placed = await call(second, 'POST', `/v1/batches/${submitted.id}/placed`, { indexes: [0] });
    expect(await placed.json()).toEqual({ placed: 1 });
    await call(second, 'POST', `/v1/batches/${submitted.id}/placed`);
    const after = (await (await call(second, 'GET', `/v1/batches/${submitted.id}`)).json()) as {
      job: BatchJobView;
      results: BatchResultView[];
    };
    expect(after.job.counts.placed).toBe(3);
    expect(after.results.every((r) => r.state === 'placed' && r.image === undefined)).toBe(true);
    await second.close();
  });

  it('cancels a job at the double too, and bills none of it', async () => {
    const h = await open();
    const created = await call(h, 'POST', '/v1/batches', job(['a cancelled cup', 'a cancelled bowl']));
    const { job: submitted } = (await created.json()) as { job: BatchJobView };
    const cancelled = await call(h, 'POST', `/v1/batches/${submitted.id}/cancel`);
    expect(((await cancelled.json()) as { job: BatchJobView }).job.state).toBe('cancelled');
    const atDouble = [...double.batches.values()].find((j) => j.displayName === `banana-${submitted.id}`);
    expect(atDouble?.state).toBe('BATCH_STATE_CANCELLED');
    expect(double.requests.some((r) => r.path === `/v1beta/${atDouble!.name}:cancel`)).toBe(true);
    expect(await h.store.usageRecord(`${submitted.id}/1`)).toMatchObject({ outcome: 'cancelled', costUsd: 0 });
    expect(await pollBatchesOnce({ ...h, secrets: [] }, 0)).toBe(0);
    await h.close();
  });

  it('polls each job from one of two instances on the same store at a time', async () => {
    const a = await open();
    const b = await open(); // A second instance: its own store connection, the same file or database.
    const created = await call(a, 'POST', '/v1/batches', job(['a shared plate']));
    const { job: submitted } = (await created.json()) as { job: BatchJobView };
    const name = [...double.batches.values()].find((j) => j.displayName === `banana-${submitted.id}`)!.name;
    const gets = () => double.requests.filter((r) => r.method === 'GET' && r.path === `/v1beta/${name}`).length;
    const deps = (h: Harness) => ({ ...h, secrets: [TEST_KEY] });
    await Promise.all([pollBatchesOnce(deps(a), 60_000), pollBatchesOnce(deps(b), 60_000)]);
    expect(gets()).toBe(1);
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    await Promise.all([pollBatchesOnce(deps(a), 60_000), pollBatchesOnce(deps(b), 60_000)]);
    expect(gets()).toBe(2);
    const read = (await (await call(b, 'GET', `/v1/batches/${submitted.id}`)).json()) as { job: BatchJobView };
    expect(read.job).toMatchObject({ state: 'succeeded', counts: { succeeded: 1 } });
    await a.close();
    await b.close();
  });

  it('ends every request of a job Google failed as a whole, at no cost', async () => {
    const h = await open();
    const created = await call(h, 'POST', '/v1/batches', job(['a good tile', 'a bad tile [double:batch-failed]']));
    const { job: submitted } = (await created.json()) as { job: BatchJobView };
    const done = await pollUntilDone(h, submitted.id);
    expect(done).toMatchObject({ state: 'failed', counts: { succeeded: 0, failed: 2 }, costUsd: 0 });
    const read = (await (await call(h, 'GET', `/v1/batches/${submitted.id}`)).json()) as {
      results: BatchResultView[];
    };
    expect(read.results.map((r) => r.error?.code)).toEqual(['upstream_error', 'upstream_error']);
    expect(await h.store.usageRecord(`${submitted.id}/0`)).toMatchObject({ outcome: 'upstream_error', costUsd: 0 });
    await h.close();
  });

  it('ends a job a proxy stopped submitting, keeping its estimate as for any interrupted request', async () => {
    const h = await open();
    const owner = (await h.store.verifyToken(TEAM_TOKEN, h.clock.now()))!;
    const id = `stopped-${kind}`;
    const reservation = (i: number) => ({
      requestId: `${id}/${i}`,
      tokenId: owner.id,
      tokenName: owner.name,
      model: MODEL,
      imageSize: '512',
      aspectRatio: null,
      inputImages: 0,
      estimatedCostUsd: 0.02,
      now: h.clock.now(),
    });
    // What a proxy that stopped between reserving and submitting leaves: a job that never reached Google.
    await h.store.createBatchJob({
      id,
      tokenId: owner.id,
      tokenName: owner.name,
      fileKey: 'FILE-1',
      model: MODEL,
      imageSize: '512',
      layerIds: ['1:1', '1:2'],
      reservations: [reservation(0), reservation(1)],
      now: h.clock.now(),
    });
    const deps = { ...h, secrets: [TEST_KEY] };
    expect(await pollBatchesOnce(deps, 0)).toBe(0);
    h.clock.advance(10 * 60_000);
    expect(await pollBatchesOnce(deps, 0)).toBe(1);
    const read = (await (await call(h, 'GET', `/v1/batches/${id}`)).json()) as {
      job: BatchJobView;
      results: BatchResultView[];
    };
    expect(read.job).toMatchObject({ state: 'failed', counts: { failed: 2 } });
    expect(read.job.costUsd).toBeCloseTo(0.04, 9);
    expect(read.results.map((r) => r.error?.code)).toEqual(['interrupted', 'interrupted']);
    expect(await h.store.usageRecord(`${id}/1`)).toMatchObject({ outcome: 'interrupted', costUsd: 0.02 });
    await h.close();
  });

  it("never shows one person another's jobs", async () => {
    const h = await open();
    const ben = await h.addToken(`ben-${kind}`);
    const created = await call(h, 'POST', '/v1/batches', job(['ana only']));
    const { job: submitted } = (await created.json()) as { job: BatchJobView };
    expect((await call(h, 'GET', `/v1/batches/${submitted.id}`, undefined, ben)).status).toBe(404);
    expect((await call(h, 'POST', `/v1/batches/${submitted.id}/cancel`, undefined, ben)).status).toBe(404);
    const listed = (await (await call(h, 'GET', '/v1/batches', undefined, ben)).json()) as { jobs: unknown[] };
    expect(listed.jobs).toEqual([]);
    expect((await call(h, 'DELETE', `/v1/batches/${submitted.id}`)).status).toBe(405);
    expect((await call(h, 'GET', '/v1/batches', undefined, 'not-a-token')).status).toBe(401);
    await h.close();
  });

  it('checks each request as /v1/generate does, and reserves the whole job against the limits', async () => {
    const h = await open();
    const before = double.batches.size;
    const bad = await call(h, 'POST', '/v1/batches', {
      ...job(['fine']),
      requests: [
        { layerId: '1:1', prompt: 'fine' },
        { layerId: '1:2', prompt: 'wide', aspectRatio: '7:3' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^Request 2 \(layer 1:2\)/);
    const capped = await h.addToken(`capped-${kind}`, { dailyImages: 2 });
    const refused = await call(h, 'POST', '/v1/batches', job(['one', 'two', 'three']), capped);
    expect(refused.status).toBe(429);
    expect(double.batches.size).toBe(before);
    await h.close();
  });

  it("refuses a job past Gemini's 20 MB of inlined requests before reserving any of it", async () => {
    const h = await startHarness({
      double,
      dataDir,
      maxBodyBytes: 64 * 1024 * 1024,
      ...(database ? { databaseUrl: database.url } : {}),
    });
    const data = Buffer.from(noisePng(600, 600, 0)).toString('base64'); // about 1.9 MB of base64
    const requests = Array.from({ length: 12 }, (_, i) => ({
      layerId: `2:${i}`,
      prompt: 'put it on marble',
      images: [{ data, mimeType: 'image/png', role: 'base' }],
    }));
    const before = double.batches.size;
    const rows = await h.store.countUsage();
    const refused = await call(h, 'POST', '/v1/batches', { ...job([]), requests });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /at most 20 MB in one batch job/,
    );
    expect(double.batches.size).toBe(before);
    expect(await h.store.countUsage()).toBe(rows);
    await h.close();
  });
}

describe('batch jobs on SQLite', () => eachStore('sqlite'));

describe('batch jobs on Vertex AI', () => {
  it('are refused: Vertex has no inlined batch jobs', async () => {
    const h = await startHarness({ sdk: 'vertex-express' });
    const refused = await call(h, 'POST', '/v1/batches', job(['a vertex chair']));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Gemini API backend/);
    expect(h.double.batches.size).toBe(0);
    await h.close();
  });
});
if (testDatabaseUrl()) describe('batch jobs on PostgreSQL', () => eachStore('postgres'));
