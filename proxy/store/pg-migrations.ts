/**
 * The store's schema on PostgreSQL: the migrations of `migrations.ts` (same versions, same names, same tables and
 * columns) in PostgreSQL's types. Times are `BIGINT` milliseconds, as in SQLite, so both stores share every
 * query's meaning; dollars are `DOUBLE PRECISION` like SQLite's `REAL`.
 */
import { schemaMigrations, type Migration, type SchemaTypes } from './migrations.js';

/** PostgreSQL's types: `INTEGER` is 32-bit there, too small for milliseconds. */
export const PG_TYPES: SchemaTypes = { bytes: 'BYTEA', real: 'DOUBLE PRECISION', time: 'BIGINT' };

export const PG_MIGRATIONS: readonly Migration[] = schemaMigrations(PG_TYPES);
