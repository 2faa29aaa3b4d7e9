/**
 * Batch API jobs in the store (proxy/store/batch-rows.ts): created with all their reservations or none, under the
 * token's limits; claimed by one poller at a time; finished once, with results kept until placed. Run against both
 * stores (test/support/store-contract.ts).
 */
import { describe, expect, it } from 'vitest';
import type { FinishedBatchJob, NewBatchJob } from '../../proxy/store/batch-rows.js';
import { TEST_NOW } from '../support/proxy-harness.js';
import { describeEachStore, newToken, reservation, settled, store } from '../support/store-contract.js';

let seq = 0;
function job(tokenId: string, layers: number, over: Partial<NewBatchJob> = {}): NewBatchJob {
  const id = `job${++seq}`;
  const reservations = Array.from({ length: layers }, (_, i) =>
    reservation(tokenId, { requestId: `${id}/${i}`, estimatedCostUsd: 0.03 }),
  );
  return {
    id,
    tokenId,
    tokenName: 'ana',
    fileKey: 'FILE1',
    model: 'gemini-3.1-flash-image',
    imageSize: '1K',
    layerIds: reservations.map((_, i) => `1:${i + 10}`),
    reservations,
    now: TEST_NOW,
    ...over,
  };
}

function finished(created: NewBatchJob, failIndex: number): FinishedBatchJob {
  return {
    id: created.id,
    state: 'succeeded',
    results: created.layerIds.map((_, index) =>
      index === failIndex
        ? { index, error: { code: 'upstream_rate_limited', message: 'Gemini is busy.' } }
        : { index, image: { mimeType: 'image/jpeg', width: 8, height: 4, bytes: new Uint8Array([index, 1, 2]) } },
    ),
    usage: created.reservations.map((r, index) =>
      settled(r, index === failIndex ? { outcome: 'upstream_rate_limited', costUsd: 0 } : { costUsd: 0.025 }),
    ),
    now: TEST_NOW + 1000,
  };
}

describeEachStore(() => {
  describe('batch jobs', () => {
    it('creates a job with a reservation per request, listed for its owner only', async () => {
      const ana = await newToken('ana');
      const ben = await newToken('ben');
      const created = job(ana.record.id, 3);
      expect(await store.createBatchJob(created)).toEqual({ ok: true });
      const totals = await store.usageTotals(ana.record.id, 0);
      expect(totals.images).toBe(3);
      expect(totals.costUsd).toBeCloseTo(0.09, 9);
      const [listed, ...rest] = await store.listBatchJobs(ana.record.id);
      expect(rest).toEqual([]);
      expect(listed).toMatchObject({
        id: created.id,
        googleName: null,
        fileKey: 'FILE1',
        requestCount: 3,
        state: 'submitting',
        succeeded: 0,
        failed: 0,
      });
      expect(await store.listBatchJobs(ben.record.id)).toEqual([]);
      const stored = await store.batchJob(created.id);
      expect(stored?.results.map((r) => [r.layerId, r.state])).toEqual([
        ['1:10', 'waiting'],
        ['1:11', 'waiting'],
        ['1:12', 'waiting'],
      ]);
    });

    it('refuses a job that would pass a limit, reserving none of it', async () => {
      const ana = await newToken('ana', { dailyImages: 4 });
      expect(await store.createBatchJob(job(ana.record.id, 3))).toEqual({ ok: true });
      const refused = await store.createBatchJob(job(ana.record.id, 2));
      expect(refused).toMatchObject({ ok: false, refusal: { limit: 'daily_images', allowed: 4, used: 4 } });
      expect((await store.usageTotals(ana.record.id, 0)).images).toBe(3);
      expect(await store.listBatchJobs(ana.record.id)).toHaveLength(1);
      const budget = await newToken('budget', { monthlyUsd: 0.1 });
      const over = await store.createBatchJob(job(budget.record.id, 4));
      expect(over).toMatchObject({ ok: false, refusal: { limit: 'monthly_usd' } });
    });

    it('counts a job once against the per-minute limit', async () => {
      const ana = await newToken('ana', { rpm: 2 });
      expect(await store.createBatchJob(job(ana.record.id, 5))).toEqual({ ok: true });
      expect(await store.createBatchJob(job(ana.record.id, 5))).toEqual({ ok: true });
      expect(await store.createBatchJob(job(ana.record.id, 1))).toMatchObject({ ok: false, refusal: { limit: 'rpm' } });
    });

    it('keeps its reservations through the reservation timeout and a restart of another instance', async () => {
      const ana = await newToken('ana');
      await store.createBatchJob(job(ana.record.id, 2));
      expect(await store.expireReservations(TEST_NOW + 86_400_000)).toBe(0);
      expect(await store.settleGoneInstances(() => true)).toBe(0);
      expect((await store.usageTotals(ana.record.id, 0)).images).toBe(2);
    });

    it('lets one poller at a time claim a submitted open job, again once its lease has passed', async () => {
      const ana = await newToken('ana');
      const created = job(ana.record.id, 1);
      await store.createBatchJob(created);
      expect(await store.claimBatchJobs(TEST_NOW, 5000, 10)).toEqual([]); // not at Google yet
      await store.batchSubmitted(created.id, 'batches/abc', TEST_NOW);
      const [claimed] = await store.claimBatchJobs(TEST_NOW, 5000, 10);
      expect(claimed).toMatchObject({ id: created.id, googleName: 'batches/abc', state: 'pending' });
      expect(await store.claimBatchJobs(TEST_NOW + 4999, 5000, 10)).toEqual([]);
      await store.setBatchState(created.id, 'running', TEST_NOW + 10);
      const again = await store.claimBatchJobs(TEST_NOW + 5000, 5000, 10);
      expect(again.map((j) => [j.id, j.state])).toEqual([[created.id, 'running']]);
    });

    it('finishes a job once: results and counts stored, usage settled at what each request cost', async () => {
      const ana = await newToken('ana');
      const created = job(ana.record.id, 3);
      await store.createBatchJob(created);
      await store.batchSubmitted(created.id, 'batches/abc', TEST_NOW);
      expect(await store.finishBatchJob(finished(created, 1))).toBe(true);
      expect(await store.finishBatchJob({ ...finished(created, 0), state: 'cancelled' })).toBe(false);
      const stored = await store.batchJob(created.id);
      expect(stored?.job).toMatchObject({ state: 'succeeded', succeeded: 2, failed: 1, doneAt: TEST_NOW + 1000 });
      expect(stored?.job.costUsd).toBeCloseTo(0.05, 9);
      expect(stored?.results[0]?.image).toEqual({
        mimeType: 'image/jpeg',
        width: 8,
        height: 4,
        bytes: new Uint8Array([0, 1, 2]),
      });
      expect(stored?.results[1]).toMatchObject({
        state: 'failed',
        image: null,
        error: { code: 'upstream_rate_limited', message: 'Gemini is busy.' },
      });
      expect(await store.usageRecord(`${created.id}/1`)).toMatchObject({
        outcome: 'upstream_rate_limited',
        costUsd: 0,
      });
      const totals = await store.usageTotals(ana.record.id, 0);
      expect([totals.images, totals.costUsd]).toEqual([2, 0.05]);
      expect(await store.claimBatchJobs(TEST_NOW + 10_000_000, 5000, 10)).toEqual([]);
    });

    it('frees the bytes of results once placed', async () => {
      const ana = await newToken('ana');
      const created = job(ana.record.id, 3);
      await store.createBatchJob(created);
      await store.batchSubmitted(created.id, 'batches/abc', TEST_NOW);
      await store.finishBatchJob(finished(created, 2));
      expect(await store.placeBatchResults(created.id, [0], TEST_NOW + 2000)).toBe(1);
      expect(await store.placeBatchResults(created.id, null, TEST_NOW + 3000)).toBe(2);
      expect(await store.placeBatchResults(created.id, null, TEST_NOW + 4000)).toBe(0);
      const stored = await store.batchJob(created.id);
      expect(stored?.job.placed).toBe(3);
      expect(stored?.results.map((r) => [r.state, r.image])).toEqual([
        ['placed', null],
        ['placed', null],
        ['placed', null],
      ]);
    });
  });
});
