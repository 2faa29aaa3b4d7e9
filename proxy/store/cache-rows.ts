/**
 * What both stores' image caches share: the values an entry is written with, how a cached row becomes an entry and
 * stats, and which entries go when the cache is over its cap. The SQL (and how each store locks while it evicts)
 * stays in `sqlite-cache.ts` and `pg-cache.ts`.
 */
import type { Row } from './row.js';
import type { CacheEntry, CacheStats } from './store.js';

/**
 * The values an entry is written with: `key, model, mime_type, width, height, text, cost_usd, bytes, size_bytes,
 * created_at` (each store's statement then sets `last_used_at` to `now` too). The bytes go as a Buffer over the same
 * memory (no copy): the type `pg` documents for `BYTEA`, and a BLOB to `node:sqlite` like any Uint8Array.
 */
export function cacheRowValues(key: string, entry: CacheEntry, now: number): (string | number | null | Buffer)[] {
  const { bytes } = entry;
  return [
    key,
    entry.model,
    entry.mimeType,
    entry.width,
    entry.height,
    entry.text,
    entry.costUsd,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    bytes.byteLength,
    now,
  ];
}

/** A row of `model, mime_type, width, height, text, cost_usd, bytes` as a cached answer. */
export function cacheEntryOf(row: Row): CacheEntry {
  return {
    // A BLOB arrives as a Uint8Array from node:sqlite and as a Buffer (a Uint8Array too) from pg.
    bytes: row.bytes as Uint8Array,
    mimeType: String(row.mime_type),
    width: Number(row.width),
    height: Number(row.height),
    text: row.text === null ? null : String(row.text),
    model: String(row.model),
    costUsd: Number(row.cost_usd),
  };
}

/** The stats query's one row (`bytes, entries`). */
export function cacheStatsOf(row: Row): CacheStats {
  return { entries: Number(row.entries), bytes: Number(row.bytes) };
}

/**
 * The keys to delete so the cache fits in `capBytes` again: least recently used first, from `oldest` (rows of
 * `key, size_bytes` ordered by `last_used_at, created_at`, read whole before any delete) and the cache's size now.
 */
export function keysToEvict(oldest: readonly Row[], totalBytes: number, capBytes: number): string[] {
  const evict: string[] = [];
  let bytes = totalBytes;
  for (const row of oldest) {
    if (bytes <= capBytes) break;
    evict.push(String(row.key));
    bytes -= Number(row.size_bytes);
  }
  return evict;
}
