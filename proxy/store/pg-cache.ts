/**
 * The image cache in PostgreSQL: answers as `BYTEA` in the shared database, which is what lets every proxy
 * instance answer a request another instance paid for. A hit marks the entry used in the same statement that
 * reads it (`UPDATE … RETURNING`, one round trip; unchanged TOASTed bytes are not rewritten). Stores take a
 * transaction-scoped advisory lock, so two instances evicting at once cannot both decide the cache has room.
 */
import type { Pool } from 'pg';
import { LOCKS, transaction, type Query } from './pg-db.js';
import type { CacheEntry, CacheStats } from './store.js';

type Row = Record<string, unknown>;

export function createPgCacheTable(pool: Pool, query: Query) {
  return {
    async get(key: string, now: number): Promise<CacheEntry | null> {
      const [row] = await query<Row>(
        `UPDATE cache SET last_used_at = GREATEST(last_used_at, $2), hits = hits + 1 WHERE key = $1
         RETURNING model, mime_type, width, height, text, cost_usd, bytes`,
        [key, now],
      );
      if (!row) return null;
      return {
        bytes: row.bytes as Buffer,
        mimeType: String(row.mime_type),
        width: Number(row.width),
        height: Number(row.height),
        text: row.text === null ? null : String(row.text),
        model: String(row.model),
        costUsd: Number(row.cost_usd),
      };
    },

    async put(key: string, entry: CacheEntry, now: number, capBytes: number): Promise<void> {
      if (entry.bytes.byteLength > capBytes) return;
      await transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.cache]);
        await client.query(
          `INSERT INTO cache (key, model, mime_type, width, height, text, cost_usd, bytes, size_bytes, created_at, last_used_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
           ON CONFLICT (key) DO UPDATE SET last_used_at = GREATEST(cache.last_used_at, excluded.last_used_at)`,
          [
            key,
            entry.model,
            entry.mimeType,
            entry.width,
            entry.height,
            entry.text,
            entry.costUsd,
            Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength),
            entry.bytes.byteLength,
            now,
          ],
        );
        const total = (await client.query<Row>('SELECT COALESCE(SUM(size_bytes), 0) AS bytes FROM cache')).rows[0]!;
        let bytes = Number(total.bytes);
        if (bytes <= capBytes) return;
        // Least recently used first, until the cache fits again; only keys and sizes are read, never the bytes.
        const oldest = await client.query<Row>('SELECT key, size_bytes FROM cache ORDER BY last_used_at, created_at');
        const evict: string[] = [];
        for (const row of oldest.rows) {
          if (bytes <= capBytes) break;
          evict.push(String(row.key));
          bytes -= Number(row.size_bytes);
        }
        await client.query('DELETE FROM cache WHERE key = ANY($1)', [evict]);
      });
    },

    async stats(): Promise<CacheStats> {
      const [row] = await query<Row>('SELECT COALESCE(SUM(size_bytes), 0) AS bytes, COUNT(*) AS entries FROM cache');
      return { entries: Number(row!.entries), bytes: Number(row!.bytes) };
    },
  };
}
