/**
 * Usage rows for the cost view's tests (test/proxy/admin-cost.test.ts, test/proxy/admin-cost-page.test.ts), written
 * through the store's own API: single requests, cache hits, and a finished Batch API job.
 */
import { expect } from 'vitest';
import type { NewBatchJob } from '../../proxy/store/batch-rows.js';
import type { ProxyStore } from '../../proxy/store/store.js';
import { TEST_NOW } from './proxy-harness.js';
import { reservation, settled } from './store-contract.js';

export const DAY_MS = 86_400_000;

/** A new team token's id. */
export async function tokenIdAsync(store: ProxyStore, name: string): Promise<string> {
  const created = await store.createToken({
    name,
    limits: { dailyImages: null, monthlyUsd: null, rpm: null },
    now: TEST_NOW,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.record.id;
}

/** A settled single request of `name` at `at` on Nano Banana Pro, costing `costUsd` (a cache hit with `savedUsd`). */
export async function seedSingleAsync(
  store: ProxyStore,
  tokenId: string,
  name: string,
  at: number,
  costUsd: number,
  savedUsd = 0,
): Promise<void> {
  const r = reservation(tokenId, { tokenName: name, now: at, model: 'gemini-3-pro-image' });
  await store.reserve(r);
  await store.recordUsage(settled(r, { createdAt: at, costUsd, savedUsd, cached: savedUsd > 0 }));
}

/** A Batch API job `id` of `name` submitted at `at`, finished: two images at $0.02 each and one refusal. */
export async function seedBatchAsync(store: ProxyStore, tokenId: string, name: string, at: number, id = 'job1') {
  const reservations = [0, 1, 2].map((i) =>
    reservation(tokenId, { tokenName: name, requestId: `${id}/${i}`, now: at, estimatedCostUsd: 0.03 }),
  );
  const job: NewBatchJob = {
    id,
    tokenId,
    tokenName: name,
    fileKey: 'FILE1',
    model: 'gemini-3.1-flash-image',
    imageSize: '1K',
    layerIds: ['1:10', '1:11', '1:12'],
    reservations,
    now: at,
  };
  expect(await store.createBatchJob(job)).toEqual({ ok: true });
  const image = (byte: number) => ({ mimeType: 'image/png', width: 8, height: 8, bytes: new Uint8Array([byte]) });
  const done = await store.finishBatchJob({
    id,
    state: 'succeeded',
    results: [
      { index: 0, image: image(1) },
      { index: 1, image: image(2) },
      { index: 2, error: { code: 'safety_blocked', message: 'Refused.' } },
    ],
    usage: reservations.map((r, i) =>
      settled(r, { createdAt: at, costUsd: i < 2 ? 0.02 : 0, outcome: i < 2 ? 'ok' : 'safety_blocked' }),
    ),
    now: at + 3_600_000,
  });
  expect(done).toBe(true);
}

/**
 * The cost view's sample: Ivy's requests on 31 October ($1), 1 November ($0.50), 12 November ($0.07) and today
 * ($0.134, and a cache hit that saved $0.134); `batchName`'s Batch API job on 17 November ($0.04).
 */
export async function seedCostSampleAsync(store: ProxyStore, ivy = 'Ivy', batchName = 'Jon'): Promise<void> {
  const ivyId = await tokenIdAsync(store, ivy);
  await seedSingleAsync(store, ivyId, ivy, TEST_NOW - 18 * DAY_MS, 1);
  await seedSingleAsync(store, ivyId, ivy, TEST_NOW - 17 * DAY_MS, 0.5);
  await seedSingleAsync(store, ivyId, ivy, TEST_NOW - 6 * DAY_MS, 0.07);
  await seedBatchAsync(store, await tokenIdAsync(store, batchName), batchName, TEST_NOW - DAY_MS);
  await seedSingleAsync(store, ivyId, ivy, TEST_NOW, 0.134);
  await seedSingleAsync(store, ivyId, ivy, TEST_NOW, 0, 0.134);
}
