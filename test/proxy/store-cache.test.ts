/**
 * The store's answer cache: entries returned byte for byte, least recently used evicted under the cap. Run against
 * both stores (test/support/store-contract.ts): SQLite on real files, PostgreSQL in a database of its own.
 */
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../proxy/store/store.js';
import { TEST_NOW } from '../support/proxy-harness.js';
import { describeEachStore, store } from '../support/store-contract.js';

describeEachStore(() => {
  describe('cache', () => {
    const entry = (size: number, over: Partial<CacheEntry> = {}): CacheEntry => ({
      bytes: new Uint8Array(size).fill(7),
      mimeType: 'image/png',
      width: 10,
      height: 20,
      text: null,
      model: 'gemini-3.1-flash-image',
      costUsd: 0.07,
      ...over,
    });

    it('returns what was stored, byte for byte', async () => {
      await store.cachePut('k1', entry(100, { text: 'Here it is.' }), TEST_NOW, 1000);
      const hit = await store.cacheGet('k1', TEST_NOW + 1);
      expect(hit).toMatchObject({ mimeType: 'image/png', width: 10, height: 20, text: 'Here it is.', costUsd: 0.07 });
      expect(Buffer.from(hit!.bytes)).toEqual(Buffer.alloc(100, 7));
      expect(await store.cacheGet('k2', TEST_NOW)).toBeNull();
      expect(await store.cacheStats()).toEqual({ entries: 1, bytes: 100 });
    });

    it('evicts the least recently used entries to stay under the cap', async () => {
      await store.cachePut('a', entry(400), TEST_NOW, 1000);
      await store.cachePut('b', entry(400), TEST_NOW + 1, 1000);
      await store.cacheGet('a', TEST_NOW + 2); // a is now more recent than b
      await store.cachePut('c', entry(400), TEST_NOW + 3, 1000);
      expect(await store.cacheGet('b', TEST_NOW + 4)).toBeNull();
      expect(await store.cacheGet('a', TEST_NOW + 4)).not.toBeNull();
      expect(await store.cacheGet('c', TEST_NOW + 4)).not.toBeNull();
      expect(await store.cacheStats()).toEqual({ entries: 2, bytes: 800 });
    });

    it('never stores an answer bigger than the whole cache', async () => {
      await store.cachePut('small', entry(10), TEST_NOW, 100);
      await store.cachePut('huge', entry(101), TEST_NOW, 100);
      expect(await store.cacheGet('huge', TEST_NOW)).toBeNull();
      expect(await store.cacheGet('small', TEST_NOW)).not.toBeNull();
    });
  });
});
