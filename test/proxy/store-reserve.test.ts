/**
 * The store's limit check: reserving and settling against daily images, the monthly budget and the rate, stale
 * reservations, the usage report, and several processes reserving on one database at once. Run against both stores
 * (test/support/store-contract.ts): SQLite on real files, PostgreSQL in a database of its own.
 */
import { execFile } from 'node:child_process';
import { hostname } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/proxy-harness.js';
import { describeEachStore, newToken, reservation, settled, store, where } from '../support/store-contract.js';

const run = promisify(execFile);

describeEachStore(() => {
  describe('reserve and settle', () => {
    it('counts images per UTC day, in-flight reservations included, and frees failed ones', async () => {
      const { record } = await newToken('Ana', { dailyImages: 2 });
      const a = reservation(record.id);
      const b = reservation(record.id);
      expect(await store.reserve(a)).toEqual({ ok: true });
      expect(await store.reserve(b)).toEqual({ ok: true });
      const refused = await store.reserve(reservation(record.id));
      expect(refused).toEqual({
        ok: false,
        // Both are reservations still in flight: the refusal says so (no image was made yet).
        refusal: {
          limit: 'daily_images',
          allowed: 2,
          used: 2,
          requested: 1,
          inFlight: 2,
          retryAt: Date.UTC(2026, 10, 19),
        },
      });
      // A failed request gives its image back.
      await store.recordUsage(settled(b, { outcome: 'upstream_unavailable', costUsd: 0 }));
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
      // Cache hits never count.
      await store.recordUsage(settled(reservation(record.id), { cached: true, costUsd: 0, savedUsd: 0.07 }));
      expect((await store.reserve(reservation(record.id))).ok).toBe(false);
      // The next UTC day starts from zero.
      expect((await store.reserve(reservation(record.id, { now: Date.UTC(2026, 10, 19) }))).ok).toBe(true);
    });

    it('holds the estimate against the monthly budget until the request settles', async () => {
      const { record } = await newToken('Ana', { monthlyUsd: 0.2 });
      const a = reservation(record.id, { estimatedCostUsd: 0.08 });
      const b = reservation(record.id, { estimatedCostUsd: 0.08 });
      expect((await store.reserve(a)).ok).toBe(true);
      expect((await store.reserve(b)).ok).toBe(true);
      const refused = await store.reserve(reservation(record.id, { estimatedCostUsd: 0.08 }));
      expect(refused).toEqual({
        ok: false,
        refusal: { limit: 'monthly_usd', allowed: 0.2, used: 0.16, requested: 0.08, retryAt: Date.UTC(2026, 11, 1) },
      });
      await store.recordUsage(settled(a, { costUsd: 0.03 }));
      expect((await store.reserve(reservation(record.id, { estimatedCostUsd: 0.08 }))).ok).toBe(true);
      expect(await store.usageTotals(record.id, Date.UTC(2026, 10, 1))).toEqual({
        images: 3,
        cachedImages: 0,
        costUsd: 0.19,
      });
    });

    it('counts requests in the last minute, and says when the oldest leaves it', async () => {
      const { record } = await newToken('Ana', { rpm: 2 });
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW }))).ok).toBe(true);
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW + 10_000 }))).ok).toBe(true);
      expect(await store.reserve(reservation(record.id, { now: TEST_NOW + 20_000 }))).toEqual({
        ok: false,
        refusal: { limit: 'rpm', allowed: 2, used: 2, requested: 1, retryAt: TEST_NOW + 60_000 },
      });
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW + 60_001 }))).ok).toBe(true);
    });

    it('writes one row per request, settling a reservation in place', async () => {
      const { record } = await newToken('Ana');
      const r = reservation(record.id);
      await store.reserve(r);
      expect((await store.usageRecord(r.requestId))?.outcome).toBe('reserved');
      await store.recordUsage(settled(r, { createdAt: TEST_NOW + 999, latencyMs: 42 }));
      const row = await store.usageRecord(r.requestId);
      expect(row).toMatchObject({ outcome: 'ok', createdAt: TEST_NOW, latencyMs: 42, costUsd: 0.072 });
      expect(await store.countUsage()).toBe(1);
    });

    it('settles reservations a stopped proxy left behind', async () => {
      const { record } = await newToken('Ana', { dailyImages: 1 });
      const left = reservation(record.id, { now: TEST_NOW - 7_200_000, estimatedCostUsd: 0.07 });
      await store.reserve(left);
      expect(await store.expireReservations(TEST_NOW - 3_600_000)).toBe(1);
      expect(await store.expireReservations(TEST_NOW - 3_600_000)).toBe(0);
      // Interrupted: no image counted, the estimate kept as cost (Gemini may have billed the call).
      expect(await store.usageRecord(left.requestId)).toMatchObject({ outcome: 'interrupted', costUsd: 0.07 });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
    });

    it('settles at once the reservations of a process that is gone, and only those', async () => {
      const { record } = await newToken('Crashed', { dailyImages: 1 });
      const mine = reservation(record.id);
      await store.reserve(mine);
      // This store names its reservations after this process; nothing says it is gone.
      expect(await store.settleGoneInstances(() => false)).toBe(0);
      expect((await store.reserve(reservation(record.id))).ok).toBe(false);
      const named: string[] = [];
      expect(await store.settleGoneInstances((instance) => (named.push(instance), true))).toBe(1);
      expect(named).toEqual([`${hostname()}/${process.pid}`]);
      expect(await store.usageRecord(mine.requestId)).toMatchObject({ outcome: 'interrupted' });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
    });

    it('holds no image for a cache hit, and checks only the rate when asked to', async () => {
      const { record } = await newToken('Hits', { dailyImages: 1, rpm: 2 });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
      const hit = { cacheHit: { rateOnly: true } };
      expect((await store.reserve(reservation(record.id, hit))).ok).toBe(true);
      // Two requests in the minute: the rate refuses the third, hit or not.
      expect(await store.reserve(reservation(record.id, hit))).toMatchObject({ ok: false, refusal: { limit: 'rpm' } });
      // With every limit checked (the team's cache), the day's one image is taken.
      const teamHit = reservation(record.id, { cacheHit: { rateOnly: false }, now: TEST_NOW + 61_000 });
      expect(await store.reserve(teamHit)).toMatchObject({
        ok: false,
        refusal: { limit: 'daily_images', inFlight: 1 },
      });
    });

    it('stops a stale reservation holding quota at the next reservation, before any sweep', async () => {
      const { record } = await newToken('Kim', { dailyImages: 1 });
      const left = reservation(record.id, { now: TEST_NOW - 20 * 60_000 });
      expect((await store.reserve(left)).ok).toBe(true);
      // Still within its lifetime: it holds the one image of the day.
      expect((await store.reserve(reservation(record.id, { staleBefore: TEST_NOW - 30 * 60_000 }))).ok).toBe(false);
      // Past it: settled as interrupted on the spot, and the image is free again.
      expect((await store.reserve(reservation(record.id, { staleBefore: TEST_NOW - 15 * 60_000 }))).ok).toBe(true);
      expect((await store.usageRecord(left.requestId))?.outcome).toBe('interrupted');
    });

    it('groups usage by day, person and model for the report', async () => {
      const { record } = await newToken('Ana');
      const r = reservation(record.id, { tokenName: 'Ana' });
      await store.reserve(r);
      await store.recordUsage(settled(r, { tokenName: 'Ana' }));
      const hit = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(hit, { tokenName: 'Ana', cached: true, costUsd: 0, savedUsd: 0.072 }));
      const failed = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(failed, { tokenName: 'Ana', outcome: 'limit_reached', costUsd: 0 }));
      // A request its client gave up on is not an error of the proxy's: anyone could inflate the figure with them.
      const abandoned = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(abandoned, { tokenName: 'Ana', outcome: 'cancelled', costUsd: 0 }));
      expect(await store.usageGroups(Date.UTC(2026, 10, 1))).toEqual([
        {
          day: '2026-11-18',
          tokenName: 'Ana',
          model: 'gemini-3.1-flash-image',
          requests: 4,
          images: 1,
          cachedImages: 1,
          errors: 1,
          costUsd: 0.072,
          savedUsd: 0.072,
          batchRequests: 0,
          batchCostUsd: 0,
        },
      ]);
    });

    it('lets exactly the limit through when other processes reserve on the same database at once', async () => {
      const { record } = await newToken('shared', { dailyImages: 150 });
      const worker = new URL('./fixtures/reserve-worker.ts', import.meta.url).pathname;
      const startAt = String(Date.now() + 2500);
      const results = await Promise.all(
        ['p1', 'p2', 'p3', 'p4'].map((label) =>
          run(process.execPath, ['--import', 'tsx', worker, where, record.id, '100', label, startAt], {
            cwd: process.cwd(),
          }),
        ),
      );
      const accepted = results.map((r) => Number(r.stdout));
      expect(accepted.reduce((a, b) => a + b, 0)).toBe(150);
      // They really ran side by side: more than one process got some of the 150.
      expect(accepted.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(await store.countUsage()).toBe(150);
    });
  });
});
