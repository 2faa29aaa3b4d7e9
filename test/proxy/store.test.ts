/**
 * The store on its own: SQLite on real files in a temp dir, and PostgreSQL in a database of its own (when
 * BANANA_TEST_DATABASE_URL is set; always under CI). One contract, run against both: tokens, the limit check,
 * settling, stale reservations and the cache must mean the same whichever database holds them.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../proxy/store/migrations.js';
import { PG_MIGRATIONS } from '../../proxy/store/pg-migrations.js';
import { openPostgresStore } from '../../proxy/store/pg-store.js';
import { migrate } from '../../proxy/store/sqlite-db.js';
import { DATABASE_FILE, openSqliteStore } from '../../proxy/store/sqlite-store.js';
import {
  RevokedTokenError,
  type CacheEntry,
  type ProxyStore,
  type ReserveRequest,
  type TokenLimits,
  type UsageRecord,
} from '../../proxy/store/store.js';
import { TEST_NOW, tempDataDir } from '../support/proxy-harness.js';
import { adminQuery, createTestDatabase, testDatabaseUrl, type TestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const NO_LIMITS: TokenLimits = { dailyImages: null, monthlyUsd: null, rpm: null };
let dir: string;
let store: ProxyStore;
/** Where the store under test lives: a data dir, or a PostgreSQL URL (what the reserve worker opens too). */
let where: string;

async function newToken(name: string, limits: Partial<TokenLimits> = {}) {
  const created = await store.createToken({ name, limits: { ...NO_LIMITS, ...limits }, now: TEST_NOW });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

let seq = 0;
const reservation = (tokenId: string, over: Partial<ReserveRequest> = {}): ReserveRequest => ({
  requestId: `r${++seq}`,
  tokenId,
  tokenName: 'x',
  model: 'gemini-3.1-flash-image',
  imageSize: '1K',
  aspectRatio: '1:1',
  inputImages: 0,
  estimatedCostUsd: 0.07,
  now: TEST_NOW,
  ...over,
});
const settled = (r: ReserveRequest, over: Partial<UsageRecord> = {}): UsageRecord => ({
  requestId: r.requestId,
  tokenId: r.tokenId,
  tokenName: r.tokenName,
  createdAt: r.now,
  model: r.model,
  imageSize: r.imageSize,
  aspectRatio: r.aspectRatio,
  inputImages: 0,
  inputTokens: 10,
  outputTokens: 1200,
  costUsd: 0.072,
  savedUsd: 0,
  cached: false,
  outcome: 'ok',
  latencyMs: 5,
  attempts: 1,
  ...over,
});

describe('SQLite migrations', () => {
  beforeEach(() => {
    dir = tempDataDir('banana-store');
    store = openSqliteStore({ dataDir: dir, now: TEST_NOW });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are numbered, applied once each, and re-running them is a no-op', async () => {
    const applied = await store.migrations();
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applied.every((m) => m.appliedAt === TEST_NOW)).toBe(true);
    await store.close();

    // Opening again (a restart) applies nothing and keeps the original record.
    store = openSqliteStore({ dataDir: dir, now: TEST_NOW + 1000 });
    expect(await store.migrations()).toEqual(applied);
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    try {
      expect(migrate(db, MIGRATIONS, TEST_NOW + 2000)).toEqual([]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([
        { name: 'cache' },
        { name: 'schema_migrations' },
        { name: 'tokens' },
        { name: 'usage' },
      ]);
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    } finally {
      db.close();
    }
  });

  it('applies only the versions a database lacks, in order', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1), TEST_NOW)).toEqual([1]);
    expect(migrate(db, [...MIGRATIONS].reverse(), TEST_NOW)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(migrate(db, MIGRATIONS, TEST_NOW)).toEqual([]);
    db.close();
  });

  it('has the same numbered versions, with the same names, as the PostgreSQL list', () => {
    const list = (ms: typeof MIGRATIONS) => ms.map((m) => [m.version, m.name]);
    expect(list(PG_MIGRATIONS)).toEqual(list(MIGRATIONS));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database written by a newer proxy', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [...MIGRATIONS, { version: 99, name: 'future', sql: 'CREATE TABLE future (x INTEGER)' }], TEST_NOW);
    expect(() => migrate(db, MIGRATIONS, TEST_NOW)).toThrow(/newer Banana Studio proxy \(schema version 99/);
    db.close();
  });
});

/** The same promises from both stores. */
function storeContract(kind: 'sqlite' | 'postgres'): void {
  let database: TestDatabase | null = null;

  if (kind === 'sqlite') {
    beforeEach(() => {
      dir = tempDataDir('banana-store');
      where = dir;
      store = openSqliteStore({ dataDir: dir, now: TEST_NOW });
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
  } else {
    beforeAll(async () => {
      database = await createTestDatabase('store');
      where = database.url;
      store = await openPostgresStore({ url: database.url, now: TEST_NOW, poolMax: 4 });
    });
    beforeEach(async () => {
      await adminQuery(database!.url, 'TRUNCATE tokens, usage, cache');
    });
    afterAll(async () => {
      await store.close();
      await database?.drop();
    });
  }

  /** Everything the store wrote to disk (SQLite) or to its tables (PostgreSQL), as text. */
  const storedText = async (): Promise<string> => {
    if (kind === 'postgres') {
      const rows = await adminQuery(database!.url, 'SELECT * FROM tokens');
      return JSON.stringify(rows, (_k, v: unknown) =>
        v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
          ? Buffer.from((v as { data: number[] }).data).toString('latin1')
          : v,
      );
    }
    return ['', '-wal']
      .map((suffix) => {
        try {
          return readFileSync(join(dir, DATABASE_FILE + suffix)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
  };

  describe('team tokens', () => {
    it('creates bnn_ tokens, stores only their hash, and verifies them', async () => {
      const { token, record } = await newToken('Ana', { dailyImages: 50 });
      expect(token).toMatch(/^bnn_[A-Za-z0-9_-]{32,}$/);
      expect(record).toMatchObject({ name: 'Ana', kind: 'team', limits: { dailyImages: 50 }, revokedAt: null });
      expect(await store.verifyToken(token, TEST_NOW)).toEqual({
        id: record.id,
        name: 'Ana',
        limits: { dailyImages: 50, monthlyUsd: null, rpm: null },
      });
      expect(await store.verifyToken(`${token}x`, TEST_NOW)).toBeNull();
      expect(await store.verifyToken('', TEST_NOW)).toBeNull();
      expect(await storedText()).not.toContain(token.slice(4));
    });

    it('makes every token different', async () => {
      const tokens = await Promise.all(['a', 'b', 'c', 'd'].map((n) => newToken(n)));
      expect(new Set(tokens.map((t) => t.token)).size).toBe(4);
      expect(new Set(tokens.map((t) => t.record.id)).size).toBe(4);
    });

    it('keeps names unique among active tokens, and frees a name on revoke', async () => {
      const first = await newToken('Ana');
      const again = await store.createToken({ name: ' Ana ', limits: NO_LIMITS, now: TEST_NOW });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.message).toMatch(/already named "Ana"/);
      expect((await store.revokeToken('Ana', TEST_NOW + 5))?.revokedAt).toBe(TEST_NOW + 5);
      expect(await store.verifyToken(first.token, TEST_NOW)).toBeNull();
      const second = await newToken('Ana');
      expect(second.record.id).not.toBe(first.record.id);
      expect((await store.listTokens()).map((t) => t.id)).toEqual([second.record.id]);
      expect(await store.listTokens({ includeRevoked: true })).toHaveLength(2);
    });

    it.each(['', '   ', 'x'.repeat(65)])('refuses the name %j', async (name) => {
      expect((await store.createToken({ name, limits: NO_LIMITS, now: TEST_NOW })).ok).toBe(false);
    });

    it('finds by id or by name, and changes only the limits given', async () => {
      const { record } = await newToken('Ben', { dailyImages: 5, monthlyUsd: 10 });
      expect((await store.findToken(record.id))?.name).toBe('Ben');
      expect((await store.findToken('Ben'))?.id).toBe(record.id);
      expect(await store.findToken('nobody')).toBeNull();
      const changed = await store.setLimits(record.id, { monthlyUsd: null, rpm: 3 });
      expect(changed?.limits).toEqual({ dailyImages: 5, monthlyUsd: null, rpm: 3 });
      expect(await store.setLimits('nobody', { rpm: 1 })).toBeNull();
      expect(await store.revokeToken('nobody', TEST_NOW)).toBeNull();
    });

    it('keeps one static dev token whose value can change between runs, and never brings a revoked one back', async () => {
      await store.putStaticToken({ name: 'dev', token: 'dev-one', kind: 'dev', now: TEST_NOW });
      const first = await store.verifyToken('dev-one', TEST_NOW);
      expect(first).toMatchObject({ name: 'dev', limits: NO_LIMITS });
      await store.putStaticToken({ name: 'dev', token: 'dev-two', kind: 'dev', now: TEST_NOW });
      expect(await store.verifyToken('dev-one', TEST_NOW)).toBeNull();
      expect((await store.verifyToken('dev-two', TEST_NOW))?.id).toBe(first?.id);
      await store.putStaticToken({ name: 'dev', token: null, kind: 'dev', now: TEST_NOW });
      expect(await store.verifyToken('dev-two', TEST_NOW)).toBeNull();
      await expect(
        store.putStaticToken({ name: 'dev', token: 'dev-two', kind: 'dev', now: TEST_NOW }),
      ).rejects.toBeInstanceOf(RevokedTokenError);
      expect(await store.verifyToken('dev-two', TEST_NOW)).toBeNull();
      await store.putStaticToken({ name: 'dev', token: 'dev-three', kind: 'dev', now: TEST_NOW });
      expect((await store.verifyToken('dev-three', TEST_NOW))?.name).toBe('dev');
      expect((await store.listTokens()).map((t) => [t.name, t.kind])).toEqual([['dev', 'dev']]);
    });

    it('notes when a token was last used, at most once a minute', async () => {
      const { token, record } = await newToken('Cy');
      await store.verifyToken(token, TEST_NOW);
      await store.verifyToken(token, TEST_NOW + 30_000);
      expect((await store.findToken(record.id))?.lastUsedAt).toBe(TEST_NOW);
      await store.verifyToken(token, TEST_NOW + 61_000);
      expect((await store.findToken(record.id))?.lastUsedAt).toBe(TEST_NOW + 61_000);
    });
  });

  describe('reserve and settle', () => {
    it('counts images per UTC day, in-flight reservations included, and frees failed ones', async () => {
      const { record } = await newToken('Ana', { dailyImages: 2 });
      const a = reservation(record.id);
      const b = reservation(record.id);
      expect(await store.reserve(a)).toEqual({ ok: true });
      expect(await store.reserve(b)).toEqual({ ok: true });
      const refused = await store.reserve(reservation(record.id));
      expect(refused).toEqual({
        ok: false,
        // Both are reservations still in flight: the refusal says so (no image was made yet).
        refusal: {
          limit: 'daily_images',
          allowed: 2,
          used: 2,
          requested: 1,
          inFlight: 2,
          retryAt: Date.UTC(2026, 10, 19),
        },
      });
      // A failed request gives its image back.
      await store.recordUsage(settled(b, { outcome: 'upstream_unavailable', costUsd: 0 }));
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
      // Cache hits never count.
      await store.recordUsage(settled(reservation(record.id), { cached: true, costUsd: 0, savedUsd: 0.07 }));
      expect((await store.reserve(reservation(record.id))).ok).toBe(false);
      // The next UTC day starts from zero.
      expect((await store.reserve(reservation(record.id, { now: Date.UTC(2026, 10, 19) }))).ok).toBe(true);
    });

    it('holds the estimate against the monthly budget until the request settles', async () => {
      const { record } = await newToken('Ana', { monthlyUsd: 0.2 });
      const a = reservation(record.id, { estimatedCostUsd: 0.08 });
      const b = reservation(record.id, { estimatedCostUsd: 0.08 });
      expect((await store.reserve(a)).ok).toBe(true);
      expect((await store.reserve(b)).ok).toBe(true);
      const refused = await store.reserve(reservation(record.id, { estimatedCostUsd: 0.08 }));
      expect(refused).toEqual({
        ok: false,
        refusal: { limit: 'monthly_usd', allowed: 0.2, used: 0.16, requested: 0.08, retryAt: Date.UTC(2026, 11, 1) },
      });
      await store.recordUsage(settled(a, { costUsd: 0.03 }));
      expect((await store.reserve(reservation(record.id, { estimatedCostUsd: 0.08 }))).ok).toBe(true);
      expect(await store.usageTotals(record.id, Date.UTC(2026, 10, 1))).toEqual({
        images: 3,
        cachedImages: 0,
        costUsd: 0.19,
      });
    });

    it('counts requests in the last minute, and says when the oldest leaves it', async () => {
      const { record } = await newToken('Ana', { rpm: 2 });
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW }))).ok).toBe(true);
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW + 10_000 }))).ok).toBe(true);
      expect(await store.reserve(reservation(record.id, { now: TEST_NOW + 20_000 }))).toEqual({
        ok: false,
        refusal: { limit: 'rpm', allowed: 2, used: 2, requested: 1, retryAt: TEST_NOW + 60_000 },
      });
      expect((await store.reserve(reservation(record.id, { now: TEST_NOW + 60_001 }))).ok).toBe(true);
    });

    it('writes one row per request, settling a reservation in place', async () => {
      const { record } = await newToken('Ana');
      const r = reservation(record.id);
      await store.reserve(r);
      expect((await store.usageRecord(r.requestId))?.outcome).toBe('reserved');
      await store.recordUsage(settled(r, { createdAt: TEST_NOW + 999, latencyMs: 42 }));
      const row = await store.usageRecord(r.requestId);
      expect(row).toMatchObject({ outcome: 'ok', createdAt: TEST_NOW, latencyMs: 42, costUsd: 0.072 });
      expect(await store.countUsage()).toBe(1);
    });

    it('settles reservations a stopped proxy left behind', async () => {
      const { record } = await newToken('Ana', { dailyImages: 1 });
      const left = reservation(record.id, { now: TEST_NOW - 7_200_000, estimatedCostUsd: 0.07 });
      await store.reserve(left);
      expect(await store.expireReservations(TEST_NOW - 3_600_000)).toBe(1);
      expect(await store.expireReservations(TEST_NOW - 3_600_000)).toBe(0);
      // Interrupted: no image counted, the estimate kept as cost (Gemini may have billed the call).
      expect(await store.usageRecord(left.requestId)).toMatchObject({ outcome: 'interrupted', costUsd: 0.07 });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
    });

    it('settles at once the reservations of a process that is gone, and only those', async () => {
      const { record } = await newToken('Crashed', { dailyImages: 1 });
      const mine = reservation(record.id);
      await store.reserve(mine);
      // This store names its reservations after this process; nothing says it is gone.
      expect(await store.settleGoneInstances(() => false)).toBe(0);
      expect((await store.reserve(reservation(record.id))).ok).toBe(false);
      const named: string[] = [];
      expect(await store.settleGoneInstances((instance) => (named.push(instance), true))).toBe(1);
      expect(named).toEqual([`${hostname()}/${process.pid}`]);
      expect(await store.usageRecord(mine.requestId)).toMatchObject({ outcome: 'interrupted' });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
    });

    it('holds no image for a cache hit, and checks only the rate when asked to', async () => {
      const { record } = await newToken('Hits', { dailyImages: 1, rpm: 2 });
      expect((await store.reserve(reservation(record.id))).ok).toBe(true);
      const hit = { cacheHit: { rateOnly: true } };
      expect((await store.reserve(reservation(record.id, hit))).ok).toBe(true);
      // Two requests in the minute: the rate refuses the third, hit or not.
      expect(await store.reserve(reservation(record.id, hit))).toMatchObject({ ok: false, refusal: { limit: 'rpm' } });
      // With every limit checked (the team's cache), the day's one image is taken.
      const teamHit = reservation(record.id, { cacheHit: { rateOnly: false }, now: TEST_NOW + 61_000 });
      expect(await store.reserve(teamHit)).toMatchObject({
        ok: false,
        refusal: { limit: 'daily_images', inFlight: 1 },
      });
    });

    it('stops a stale reservation holding quota at the next reservation, before any sweep', async () => {
      const { record } = await newToken('Kim', { dailyImages: 1 });
      const left = reservation(record.id, { now: TEST_NOW - 20 * 60_000 });
      expect((await store.reserve(left)).ok).toBe(true);
      // Still within its lifetime: it holds the one image of the day.
      expect((await store.reserve(reservation(record.id, { staleBefore: TEST_NOW - 30 * 60_000 }))).ok).toBe(false);
      // Past it: settled as interrupted on the spot, and the image is free again.
      expect((await store.reserve(reservation(record.id, { staleBefore: TEST_NOW - 15 * 60_000 }))).ok).toBe(true);
      expect((await store.usageRecord(left.requestId))?.outcome).toBe('interrupted');
    });

    it('groups usage by day, person and model for the report', async () => {
      const { record } = await newToken('Ana');
      const r = reservation(record.id, { tokenName: 'Ana' });
      await store.reserve(r);
      await store.recordUsage(settled(r, { tokenName: 'Ana' }));
      const hit = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(hit, { tokenName: 'Ana', cached: true, costUsd: 0, savedUsd: 0.072 }));
      const failed = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(failed, { tokenName: 'Ana', outcome: 'limit_reached', costUsd: 0 }));
      // A request its client gave up on is not an error of the proxy's: anyone could inflate the figure with them.
      const abandoned = reservation(record.id, { tokenName: 'Ana' });
      await store.recordUsage(settled(abandoned, { tokenName: 'Ana', outcome: 'cancelled', costUsd: 0 }));
      expect(await store.usageGroups(Date.UTC(2026, 10, 1))).toEqual([
        {
          day: '2026-11-18',
          tokenName: 'Ana',
          model: 'gemini-3.1-flash-image',
          requests: 4,
          images: 1,
          cachedImages: 1,
          errors: 1,
          costUsd: 0.072,
          savedUsd: 0.072,
        },
      ]);
    });

    it('lets exactly the limit through when other processes reserve on the same database at once', async () => {
      const { record } = await newToken('shared', { dailyImages: 150 });
      const worker = new URL('./fixtures/reserve-worker.ts', import.meta.url).pathname;
      const startAt = String(Date.now() + 2500);
      const results = await Promise.all(
        ['p1', 'p2', 'p3', 'p4'].map((label) =>
          run(process.execPath, ['--import', 'tsx', worker, where, record.id, '100', label, startAt], {
            cwd: process.cwd(),
          }),
        ),
      );
      const accepted = results.map((r) => Number(r.stdout));
      expect(accepted.reduce((a, b) => a + b, 0)).toBe(150);
      // They really ran side by side: more than one process got some of the 150.
      expect(accepted.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(await store.countUsage()).toBe(150);
    });
  });

  describe('cache', () => {
    const entry = (size: number, over: Partial<CacheEntry> = {}): CacheEntry => ({
      bytes: new Uint8Array(size).fill(7),
      mimeType: 'image/png',
      width: 10,
      height: 20,
      text: null,
      model: 'gemini-3.1-flash-image',
      costUsd: 0.07,
      ...over,
    });

    it('returns what was stored, byte for byte', async () => {
      await store.cachePut('k1', entry(100, { text: 'Here it is.' }), TEST_NOW, 1000);
      const hit = await store.cacheGet('k1', TEST_NOW + 1);
      expect(hit).toMatchObject({ mimeType: 'image/png', width: 10, height: 20, text: 'Here it is.', costUsd: 0.07 });
      expect(Buffer.from(hit!.bytes)).toEqual(Buffer.alloc(100, 7));
      expect(await store.cacheGet('k2', TEST_NOW)).toBeNull();
      expect(await store.cacheStats()).toEqual({ entries: 1, bytes: 100 });
    });

    it('evicts the least recently used entries to stay under the cap', async () => {
      await store.cachePut('a', entry(400), TEST_NOW, 1000);
      await store.cachePut('b', entry(400), TEST_NOW + 1, 1000);
      await store.cacheGet('a', TEST_NOW + 2); // a is now more recent than b
      await store.cachePut('c', entry(400), TEST_NOW + 3, 1000);
      expect(await store.cacheGet('b', TEST_NOW + 4)).toBeNull();
      expect(await store.cacheGet('a', TEST_NOW + 4)).not.toBeNull();
      expect(await store.cacheGet('c', TEST_NOW + 4)).not.toBeNull();
      expect(await store.cacheStats()).toEqual({ entries: 2, bytes: 800 });
    });

    it('never stores an answer bigger than the whole cache', async () => {
      await store.cachePut('small', entry(10), TEST_NOW, 100);
      await store.cachePut('huge', entry(101), TEST_NOW, 100);
      expect(await store.cacheGet('huge', TEST_NOW)).toBeNull();
      expect(await store.cacheGet('small', TEST_NOW)).not.toBeNull();
    });
  });
}

describe('SQLite store', () => storeContract('sqlite'));
if (testDatabaseUrl()) describe('PostgreSQL store', () => storeContract('postgres'));
else
  describe.skip('PostgreSQL store (no BANANA_TEST_DATABASE_URL; run: eval "$(bash scripts/test-db.sh env)")', () => {});
