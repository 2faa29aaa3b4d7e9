/**
 * The image cache in PostgreSQL: answers as `BYTEA` in the shared database, which is what lets every proxy
 * instance answer a request another instance paid for. A hit marks the entry used in the same statement that
 * reads it (`UPDATE … RETURNING`, one round trip; unchanged TOASTed bytes are not rewritten). Stores take a
 * transaction-scoped advisory lock, so two instances evicting at once cannot both decide the cache has room.
 */
import type { Pool } from 'pg';
import { cacheEntryOf, cacheRowValues, cacheStatsOf, keysToEvict } from './cache-rows.js';
import { LOCKS, lockedTransactionAsync, type Query } from './pg-db.js';
import type { Row } from './row.js';
import type { CacheEntry, CacheStats } from './store.js';

export function createPgCacheTable(pool: Pool, query: Query) {
  return {
    async get(key: string, now: number): Promise<CacheEntry | null> {
      const [row] = await query<Row>(
        `UPDATE cache SET last_used_at = GREATEST(last_used_at, $2), hits = hits + 1 WHERE key = $1
         RETURNING model, mime_type, width, height, text, cost_usd, bytes`,
        [key, now],
      );
      return row ? cacheEntryOf(row) : null;
    },

    async put(key: string, entry: CacheEntry, now: number, capBytes: number): Promise<void> {
      if (entry.bytes.byteLength > capBytes) return;
      await lockedTransactionAsync(pool, LOCKS.cache, async (client) => {
        await client.query(
          `INSERT INTO cache (key, model, mime_type, width, height, text, cost_usd, bytes, size_bytes, created_at, last_used_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
           ON CONFLICT (key) DO UPDATE SET last_used_at = GREATEST(cache.last_used_at, excluded.last_used_at)`,
          cacheRowValues(key, entry, now),
        );
        const total = (await client.query<Row>('SELECT COALESCE(SUM(size_bytes), 0) AS bytes FROM cache')).rows[0]!;
        const bytes = Number(total.bytes);
        if (bytes <= capBytes) return;
        // Only keys and sizes are read, never the bytes.
        const oldest = await client.query<Row>('SELECT key, size_bytes FROM cache ORDER BY last_used_at, created_at');
        await client.query('DELETE FROM cache WHERE key = ANY($1)', [keysToEvict(oldest.rows, bytes, capBytes)]);
      });
    },

    async stats(): Promise<CacheStats> {
      const [row] = await query<Row>('SELECT COALESCE(SUM(size_bytes), 0) AS bytes, COUNT(*) AS entries FROM cache');
      return cacheStatsOf(row!);
    },
  };
}
