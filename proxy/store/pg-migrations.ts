/**
 * The store's schema on PostgreSQL: the same numbered migrations as `migrations.ts` (same versions, same names,
 * same tables and columns) in PostgreSQL's types. Times are `BIGINT` milliseconds, as in SQLite, so both stores
 * share every query's meaning; dollars are `DOUBLE PRECISION` like SQLite's `REAL`.
 */
import type { Migration } from './migrations.js';

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tokens and usage',
    sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'team',
        token_hash BYTEA NOT NULL,
        daily_images INTEGER,
        monthly_usd DOUBLE PRECISION,
        rpm INTEGER,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT,
        last_used_at BIGINT
      );
      CREATE UNIQUE INDEX tokens_hash ON tokens (token_hash);
      CREATE UNIQUE INDEX tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;

      CREATE TABLE usage (
        request_id TEXT PRIMARY KEY,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        day TEXT NOT NULL,
        model TEXT,
        image_size TEXT,
        aspect_ratio TEXT,
        input_images INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        saved_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        cached INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,
        outcome TEXT,
        counts_image INTEGER NOT NULL DEFAULT 0,
        metered INTEGER NOT NULL DEFAULT 0,
        latency_ms INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX usage_token_time ON usage (token_id, created_at);
      CREATE INDEX usage_time ON usage (created_at);
    `,
  },
  {
    version: 2,
    name: 'image cache',
    sql: `
      CREATE TABLE cache (
        key TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        text TEXT,
        cost_usd DOUBLE PRECISION NOT NULL,
        bytes BYTEA NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX cache_lru ON cache (last_used_at);
    `,
  },
  {
    version: 3,
    name: 'in-flight reservations index',
    sql: `
      CREATE INDEX usage_reserved ON usage (created_at) WHERE state = 'reserved';
    `,
  },
];
