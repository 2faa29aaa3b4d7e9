/**
 * The setup of the store contract, which runs the same cases against both stores: SQLite on real files in a temp dir,
 * and PostgreSQL in a database of its own (when BANANA_TEST_DATABASE_URL is set; always under CI). Also the tokens,
 * reservations and usage rows those cases make.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openPostgresStore } from '../../proxy/store/pg-store.js';
import { DATABASE_FILE, openSqliteStore } from '../../proxy/store/sqlite-store.js';
import type { ProxyStore, ReserveRequest, TokenLimits, UsageRecord } from '../../proxy/store/store.js';
import { TEST_NOW, tempDataDir } from './proxy-harness.js';
import { adminQuery, createTestDatabase, testDatabaseUrl, type TestDatabase } from './test-database.js';

/** Limits that never refuse. */
export const NO_LIMITS: TokenLimits = { dailyImages: null, monthlyUsd: null, rpm: null };

let dir: string;
/**
 * The store under test, opened by the hooks of `describeEachStore` (an ES live binding: a test file that imports it
 * sees each new store; read it inside a test).
 */
export let store: ProxyStore;
/** Where the store under test lives: a data dir, or a PostgreSQL URL (what the reserve worker opens too). */
export let where: string;

/** What a part of the contract may ask of the store it runs against, beyond `store` itself. */
export interface StoreUnderTest {
  /** Everything the store wrote to disk (SQLite) or to its tables (PostgreSQL), as text. */
  storedText(): Promise<string>;
}

/** Opens a fresh store of `kind` for each test (SQLite) or for the describe, emptied before each test (PostgreSQL). */
function useStore(kind: 'sqlite' | 'postgres'): StoreUnderTest {
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
      await adminQuery(database!.url, 'TRUNCATE tokens, usage, cache, batch_jobs, batch_results');
    });
    afterAll(async () => {
      await store.close();
      await database?.drop();
    });
  }

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
  return { storedText };
}

/**
 * Declares `contract` (describes of the same promises from both stores) as "SQLite store", and as "PostgreSQL store"
 * when there is a PostgreSQL server to test on (skipped, with the command to start one, when not).
 */
export function describeEachStore(contract: (under: StoreUnderTest) => void): void {
  describe('SQLite store', () => contract(useStore('sqlite')));
  if (testDatabaseUrl()) describe('PostgreSQL store', () => contract(useStore('postgres')));
  else
    describe.skip('PostgreSQL store (no BANANA_TEST_DATABASE_URL; run: eval "$(bash scripts/test-db.sh env)")', () => {});
}

/** A new team token named `name` in the store under test, with `limits` over NO_LIMITS. */
export async function newToken(name: string, limits: Partial<TokenLimits> = {}) {
  const created = await store.createToken({ name, limits: { ...NO_LIMITS, ...limits }, now: TEST_NOW });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

let seq = 0;
/** A reservation for `tokenId` with a new request id, `over` on top. */
export const reservation = (tokenId: string, over: Partial<ReserveRequest> = {}): ReserveRequest => ({
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

/** The usage row that settles `r` as a successful generation, `over` on top. */
export const settled = (r: ReserveRequest, over: Partial<UsageRecord> = {}): UsageRecord => ({
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
