/**
 * The image cache in SQLite. Images are BLOBs in the same database rather than files under the data dir:
 * - one file to back up or move, and no orphans: an entry and its bytes are written and evicted in one
 *   transaction, so a crash never leaves metadata without bytes or bytes nobody will ever delete;
 * - the PostgreSQL store (`pg-cache.ts`) keeps them as `BYTEA` in the shared database, which is what lets several
 *   proxy instances share one cache (files on one instance's disk could not);
 * - the answers are a few MB at most (a 4K PNG), read whole, and SQLite serves BLOBs of that size well.
 * The raw bytes are stored, not base64: a third smaller, and encoding on a hit costs a few milliseconds.
 */
import type { DatabaseSync } from 'node:sqlite';
import { cacheEntryOf, cacheRowValues, cacheStatsOf, keysToEvict } from './cache-rows.js';
import { transaction } from './sqlite-db.js';
import type { CacheEntry, CacheStats } from './store.js';

export function createCacheTable(db: DatabaseSync) {
  const select = db.prepare('SELECT model, mime_type, width, height, text, cost_usd, bytes FROM cache WHERE key = ?');
  const touch = db.prepare('UPDATE cache SET last_used_at = ?, hits = hits + 1 WHERE key = ?');
  const upsert = db.prepare(`
    INSERT INTO cache (key, model, mime_type, width, height, text, cost_usd, bytes, size_bytes, created_at, last_used_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET last_used_at = excluded.last_used_at`);
  const total = db.prepare('SELECT COALESCE(SUM(size_bytes), 0) AS bytes, COUNT(*) AS entries FROM cache');
  const oldest = db.prepare('SELECT key, size_bytes FROM cache ORDER BY last_used_at, created_at');
  const remove = db.prepare('DELETE FROM cache WHERE key = ?');

  return {
    get(key: string, now: number): CacheEntry | null {
      const row = select.get(key);
      if (!row) return null;
      touch.run(now, key);
      return cacheEntryOf(row);
    },

    put(key: string, entry: CacheEntry, now: number, capBytes: number): void {
      // An answer bigger than the whole cache would only evict everything else and then itself.
      if (entry.bytes.byteLength > capBytes) return;
      transaction(db, () => {
        upsert.run(...cacheRowValues(key, entry, now), now);
        const bytes = Number(total.get()!.bytes);
        if (bytes <= capBytes) return;
        // Keys read first: no deletes under an open scan.
        for (const evicted of keysToEvict(oldest.all(), bytes, capBytes)) remove.run(evicted);
      });
    },

    stats(): CacheStats {
      return cacheStatsOf(total.get()!);
    },
  };
}
