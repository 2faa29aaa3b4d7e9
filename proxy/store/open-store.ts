/**
 * The store the settings ask for: PostgreSQL when `DATABASE_URL` is set (several instances share it), else the
 * embedded SQLite file in the data dir. The proxy and the admin CLI both open it here.
 */
import { join } from 'node:path';
import { openPostgresStore } from './pg-store.js';
import { DATABASE_FILE, openSqliteStore } from './sqlite-store.js';
import type { ProxyStore } from './store.js';

export interface StoreSettings {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL connections per instance. */
  dbPoolMax?: number;
  /** SQLite: free disk space below which the store is not ready. */
  minFreeBytes?: number;
}

export async function openStore(settings: StoreSettings, now: number): Promise<ProxyStore> {
  if (settings.databaseUrl) {
    return openPostgresStore({
      url: settings.databaseUrl,
      now,
      ...(settings.dbPoolMax ? { poolMax: settings.dbPoolMax } : {}),
    });
  }
  return openSqliteStore({
    dataDir: settings.dataDir,
    now,
    ...(settings.minFreeBytes !== undefined ? { minFreeBytes: settings.minFreeBytes } : {}),
  });
}

/** Where the data lives, for a start-up line: never the password in a database URL. */
export function describeStore(settings: StoreSettings): string {
  if (!settings.databaseUrl) return `SQLite ${join(settings.dataDir, DATABASE_FILE)}`;
  try {
    const url = new URL(settings.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
