/**
 * A SQLite file another process holds locked (a second proxy, or the admin CLI, mid-write) past the busy timeout is
 * the store away for a moment: the request answers 503 `proxy_busy` with `Retry-After`, as a PostgreSQL outage does,
 * not 500 `internal_error`; nothing is reserved, and once the lock is gone the same person is served.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../proxy/store/sqlite-store.js';
import { StoreUnavailableError } from '../../proxy/store/store.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';

let harness: Harness | null = null;
let holder: DatabaseSync | null = null;
afterEach(async () => {
  if (holder?.isTransaction) holder.exec('ROLLBACK');
  holder?.close();
  holder = null;
  await harness?.close();
  harness = null;
});

/** Another process's connection to the same file, holding the write lock. */
function holdWriteLock(h: Harness): DatabaseSync {
  const other = new DatabaseSync(join(h.dataDir, DATABASE_FILE));
  other.exec('BEGIN IMMEDIATE');
  return other;
}

describe('a SQLite file locked by another process', () => {
  it('makes the store say it is away, not fail with an unknown error', async () => {
    harness = await startHarness({ busyTimeoutMs: 50 });
    holder = holdWriteLock(harness);
    await expect(harness.store.expireReservations(0)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers 503 proxy_busy with Retry-After, and serves the person once the lock is gone', async () => {
    harness = await startHarness({ busyTimeoutMs: 50 });
    const token = await harness.addToken('Rui', { dailyImages: 5 });
    holder = holdWriteLock(harness);
    const busy = await harness.app.request('/v1/generate', generateRequest({ prompt: 'a lighthouse' }, token));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    const body = (await busy.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('proxy_busy');
    expect(body.error.message).toMatch(/cannot reach its database right now/);
    expect(harness.logs.join('\n')).not.toMatch(/internal_error/);

    holder.exec('ROLLBACK');
    const served = await harness.app.request('/v1/generate', generateRequest({ prompt: 'a lighthouse' }, token));
    expect(served.status).toBe(200);
    const totals = await harness.store.usageTotals((await harness.store.findToken('Rui'))!.id, 0);
    expect(totals.images).toBe(1);
  });
});
