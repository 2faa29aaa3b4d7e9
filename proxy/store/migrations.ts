/**
 * The store's schema as numbered migrations, applied in order, each once, inside one transaction together with its
 * row in `schema_migrations`. Append new versions; never edit one that has shipped. `pg-migrations.ts` holds the
 * same versions, with the same names, in PostgreSQL's types (`BYTEA` for `BLOB`, `DOUBLE PRECISION` for `REAL`,
 * `BIGINT` for times): a new version is added to both lists in the same change.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tokens and usage',
    sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'team',
        token_hash BLOB NOT NULL,
        daily_images INTEGER,
        monthly_usd REAL,
        rpm INTEGER,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_used_at INTEGER
      );
      CREATE UNIQUE INDEX tokens_hash ON tokens (token_hash);
      -- A name picks one active token (CLI: tokens revoke <name>); revoked ones keep theirs for the usage history.
      CREATE UNIQUE INDEX tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;

      CREATE TABLE usage (
        request_id TEXT PRIMARY KEY,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        day TEXT NOT NULL,
        model TEXT,
        image_size TEXT,
        aspect_ratio TEXT,
        input_images INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        saved_usd REAL NOT NULL DEFAULT 0,
        cached INTEGER NOT NULL DEFAULT 0,
        -- 'reserved' while in flight, then 'done'.
        state TEXT NOT NULL,
        outcome TEXT,
        -- 1 while reserved and when it made an image: what the daily image limit counts.
        counts_image INTEGER NOT NULL DEFAULT 0,
        -- 1 when it passed the limits and went upstream: what the per-minute limit counts.
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
        cost_usd REAL NOT NULL,
        bytes BLOB NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL,
        hits INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX cache_lru ON cache (last_used_at);
    `,
  },
  {
    version: 3,
    name: 'in-flight reservations index',
    sql: `
      -- Finds reservations a stopped proxy left behind without scanning the whole ledger.
      CREATE INDEX usage_reserved ON usage (created_at) WHERE state = 'reserved';
    `,
  },
];
