/**
 * Migrations on PostgreSQL: several instances starting at once apply each missing migration exactly once, in
 * order, by taking turns on a session advisory lock. A schema newer than this proxy is refused (`migrations.ts`).
 */
import type { Pool } from 'pg';
import { pendingMigrations, type Migration } from './migrations.js';
import { checkOut, LOCKS } from './pg-db.js';

/**
 * Applies every migration not yet recorded in `schema_migrations`, in version order, in one transaction, while
 * holding a session advisory lock: instances starting at the same moment wait for the first, then find nothing
 * left to do. Returns the versions applied now.
 */
export async function migratePg(pool: Pool, migrations: readonly Migration[], now: number): Promise<number[]> {
  const { client, release } = await checkOut(pool);
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrations]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      await client.query('BEGIN');
      try {
        const done = new Set(
          (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) =>
            Number(r.version),
          ),
        );
        const applied: number[] = [];
        for (const migration of pendingMigrations(migrations, done)) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            now,
          ]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
        return applied;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrations]);
    }
  } catch (error) {
    // A session lock dies with its connection; never hand a connection that may still hold it back to the pool.
    broken = true;
    throw error;
  } finally {
    release(broken);
  }
}
