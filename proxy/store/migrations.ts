/**
 * The store's schema as numbered migrations, applied in order, each once, inside one transaction together with its
 * row in `schema_migrations`. Append new versions; never edit one that has shipped. Both stores take their list
 * from {@link schemaMigrations}, which writes each version once and names only the column types that differ
 * ({@link SchemaTypes}), so SQLite and PostgreSQL always have the same versions, names, tables and columns. Times
 * are milliseconds in a 64-bit integer in both, so every query means the same on either.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations not yet in `done` (the versions a database has recorded), oldest first. Throws when the database
 * has a version this proxy does not know: a newer proxy wrote it, and this one must not run on it.
 */
export function pendingMigrations(migrations: readonly Migration[], done: ReadonlySet<number>): Migration[] {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new Error(
      `The database was written by a newer Banana Studio proxy (schema version ${newest}; this one knows up to ${known}). Update the proxy.`,
    );
  }
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
}

/** The column types the two dialects spell differently. */
export interface SchemaTypes {
  /** Raw bytes (a token's hash, a cached image). */
  bytes: string;
  /** Dollars. */
  real: string;
  /** Milliseconds since the epoch. */
  time: string;
}

/** SQLite's types: its `INTEGER` is 64-bit already. */
export const SQLITE_TYPES: SchemaTypes = { bytes: 'BLOB', real: 'REAL', time: 'INTEGER' };

/** Every migration, in the dialect whose types are `t`. */
export function schemaMigrations(t: SchemaTypes): readonly Migration[] {
  return [
    {
      version: 1,
      name: 'tokens and usage',
      sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'team',
        token_hash ${t.bytes} NOT NULL,
        daily_images INTEGER,
        monthly_usd ${t.real},
        rpm INTEGER,
        created_at ${t.time} NOT NULL,
        revoked_at ${t.time},
        last_used_at ${t.time}
      );
      CREATE UNIQUE INDEX tokens_hash ON tokens (token_hash);
      -- A name picks one active token (CLI: tokens revoke <name>); revoked ones keep theirs for the usage history.
      CREATE UNIQUE INDEX tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;

      CREATE TABLE usage (
        request_id TEXT PRIMARY KEY,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        created_at ${t.time} NOT NULL,
        day TEXT NOT NULL,
        model TEXT,
        image_size TEXT,
        aspect_ratio TEXT,
        input_images INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd ${t.real} NOT NULL DEFAULT 0,
        saved_usd ${t.real} NOT NULL DEFAULT 0,
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
        cost_usd ${t.real} NOT NULL,
        bytes ${t.bytes} NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at ${t.time} NOT NULL,
        last_used_at ${t.time} NOT NULL,
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
    {
      version: 4,
      name: 'reserving instance',
      sql: `
      -- host/pid of the proxy that made a reservation: a restarted proxy settles those of processes that are gone.
      ALTER TABLE usage ADD COLUMN instance TEXT;
    `,
    },
    {
      version: 5,
      name: 'batch jobs',
      sql: `
      -- One Batch API job at Google (docs/proxy-api.md#batches). Its requests' usage rows are in \`usage\` with state
      -- 'batch' (reserved at submission, held for hours, never expired as a stopped proxy's) until settled.
      CREATE TABLE batch_jobs (
        id TEXT PRIMARY KEY,
        google_name TEXT,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        file_key TEXT NOT NULL,
        model TEXT NOT NULL,
        image_size TEXT,
        request_count INTEGER NOT NULL,
        -- submitting, pending, running, succeeded, failed, cancelled, expired.
        state TEXT NOT NULL,
        succeeded_count INTEGER NOT NULL DEFAULT 0,
        failed_count INTEGER NOT NULL DEFAULT 0,
        placed_count INTEGER NOT NULL DEFAULT 0,
        cost_usd ${t.real} NOT NULL DEFAULT 0,
        created_at ${t.time} NOT NULL,
        updated_at ${t.time} NOT NULL,
        done_at ${t.time},
        -- No instance polls the job before this time: the one that claimed it last holds it until then.
        lease_until ${t.time} NOT NULL DEFAULT 0
      );
      CREATE INDEX batch_jobs_token ON batch_jobs (token_id, created_at);
      CREATE INDEX batch_jobs_open ON batch_jobs (lease_until) WHERE done_at IS NULL;

      -- One request of a job: its layer, and once the job is done its image or its error, until placed.
      CREATE TABLE batch_results (
        job_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        layer_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        -- waiting, ok, failed, placed.
        state TEXT NOT NULL,
        mime_type TEXT,
        width INTEGER,
        height INTEGER,
        bytes ${t.bytes},
        error_code TEXT,
        error_message TEXT,
        placed_at ${t.time},
        PRIMARY KEY (job_id, idx)
      );
    `,
    },
  ];
}

/** The SQLite store's migrations. */
export const MIGRATIONS: readonly Migration[] = schemaMigrations(SQLITE_TYPES);
