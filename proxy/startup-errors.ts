/**
 * A store that cannot be opened, in words an admin can act on: which file or setting, what is wrong with it, and
 * the fix. `server.ts` turns these into a `ConfigError`, which `npm start` prints as one line (no stack trace).
 * PostgreSQL's refusals are read in `postgres-startup-error.ts`.
 */
import { join } from 'node:path';
import { ConfigError } from './config.js';
import { postgresStartupError } from './postgres-startup-error.js';
import type { StoreSettings } from './store/open-store.js';
import { DATABASE_FILE } from './store/sqlite-store.js';
import { RevokedTokenError } from './store/store.js';

/** SQLite result codes (sqlite.org/rescode.html) of the failures a data dir can have. */
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** The plain ConfigError for a start-up failure, or null when it is none we know (the caller rethrows it). */
export function startupError(error: unknown, store: StoreSettings): ConfigError | null {
  if (error instanceof RevokedTokenError) {
    return new ConfigError(
      `BANANA_DEV_TOKEN was revoked at ${new Date(error.revokedAt).toISOString()}, and a revoked token stays revoked. Set BANANA_DEV_TOKEN to a new value (e.g. openssl rand -base64 24), or unset it.`,
    );
  }
  if (store.databaseUrl) return postgresStartupError(error);
  const file = join(store.dataDir, DATABASE_FILE);
  const fix = `or set BANANA_DATA_DIR to a folder this user can write`;
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ConfigError(`Cannot create the data dir ${store.dataDir} (${code}). Make it writable, ${fix}.`);
  }
  if (code === 'ENOSPC')
    return new ConfigError(`The disk of ${store.dataDir} is full. Free some space and start again.`);
  const sqlite = (error as { errcode?: number }).errcode;
  switch (sqlite) {
    case SQLITE_READONLY:
      return new ConfigError(`The database file ${file} is read-only. Make it and ${store.dataDir} writable, ${fix}.`);
    case SQLITE_CANTOPEN:
      return new ConfigError(
        `Cannot open or create ${file}: ${store.dataDir} is not writable. Make it writable, ${fix}.`,
      );
    case SQLITE_NOTADB:
      return new ConfigError(
        `${file} is not a Banana Studio database (not an SQLite file). Restore it from a backup, or move it away to start a new one.`,
      );
    case SQLITE_CORRUPT:
      return new ConfigError(
        `${file} is damaged (truncated or corrupt). Restore it from a backup, or move it away to start a new one.`,
      );
    case SQLITE_FULL:
      return new ConfigError(`The disk holding ${file} is full. Free some space and start again.`);
  }
  if (error instanceof Error && /newer Banana Studio proxy/.test(error.message)) return new ConfigError(error.message);
  return null;
}
