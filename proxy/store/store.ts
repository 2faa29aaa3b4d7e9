/**
 * Everything the proxy keeps: team tokens (hashed), one usage row per request, and the image cache. Async so a
 * PostgreSQL implementation can sit behind the same interface for several proxy instances; limits are enforced
 * inside the database's own transactions ({@link ProxyStore.reserve}), never by in-process locks alone, so the
 * semantics hold across instances.
 */
import type { Result } from '../../core/result.js';
import type { UsageGroup } from '../../core/usage-report.js';
import type { TokenLimits, UsageTotals } from '../../core/usage-summary.js';
import type { TokenOwner } from '../team-tokens.js';
import type { BatchJobRecord, BatchJobState, BatchResultRecord, FinishedBatchJob, NewBatchJob } from './batch-rows.js';

export type { TokenLimits, UsageTotals } from '../../core/usage-summary.js';

/** A token as the admin sees it: never the token itself, which is only shown once at creation. */
export interface TokenRecord {
  id: string;
  name: string;
  /** `dev` for the static dev token (BANANA_DEV_TOKEN); `team` for tokens an admin created. */
  kind: 'team' | 'dev';
  limits: TokenLimits;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** A valid token's owner, with the limits that apply to them right now. */
export interface TeamMember extends TokenOwner {
  limits: TokenLimits;
}

/** A token just created: the only time its value exists outside the person who receives it. */
export interface CreatedToken {
  token: string;
  record: TokenRecord;
}

/** What a request wants to reserve before it goes upstream. */
export interface ReserveRequest {
  requestId: string;
  tokenId: string;
  tokenName: string;
  model: string;
  imageSize: string;
  aspectRatio: string | null;
  inputImages: number;
  /** Held against the monthly budget until the request settles. */
  estimatedCostUsd: number;
  now: number;
  /**
   * Reservations of this token made before this time were left by a proxy instance that stopped mid-request (no
   * live request lives that long, see `reservationTtlMs`): they are settled as `interrupted` first, so they stop
   * holding quota. Absent: none are.
   */
  staleBefore?: number;
  /**
   * A cache hit: it makes no image, so its row holds none, but it is a request and counts toward the rate.
   * `rateOnly` checks only requests per minute (a person's own cached answer); otherwise every limit is checked,
   * so a person with no images left is told so even when a teammate's answer is in the cache.
   */
  cacheHit?: { rateOnly: boolean };
}

/** Which limit refused a request, and when it frees up. */
export interface LimitRefusal {
  limit: 'daily_images' | 'monthly_usd' | 'rpm';
  /** The limit's value (images, dollars or requests per minute). */
  allowed: number;
  /** How much of it is used (images, dollars including reservations, requests in the last minute). */
  used: number;
  /** For a budget: what this request would have added. */
  requested: number;
  /** For daily images: how many of `used` are reservations still in flight (not images made). */
  inFlight?: number;
  /** When enough frees up to try again (ms since the epoch). */
  retryAt: number;
}

export type ReserveResult = { ok: true } | { ok: false; refusal: LimitRefusal };

/** One request's final record. Written once per request (a reservation is the same row, settled). */
export interface UsageRecord {
  requestId: string;
  tokenId: string;
  tokenName: string;
  createdAt: number;
  model: string | null;
  imageSize: string | null;
  aspectRatio: string | null;
  inputImages: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** For a cache hit: what the original answer cost. */
  savedUsd: number;
  cached: boolean;
  /** `ok`, or the error code the request ended with (`limit_reached`, `cancelled`, `upstream_timeout`, …). */
  outcome: string;
  latencyMs: number;
  /** Upstream calls made (retries included); 0 for a cache hit or a request refused before Gemini. */
  attempts: number;
}

/** A cached answer. */
export interface CacheEntry {
  bytes: Uint8Array;
  mimeType: string;
  width: number;
  height: number;
  text: string | null;
  model: string;
  /** What the original answer cost: each hit saves this much. */
  costUsd: number;
}

export interface CacheStats {
  entries: number;
  bytes: number;
}

/** The proxy's storage. Times are ms since the epoch from the app's clock. */
export interface ProxyStore {
  /** `sqlite` (one file, the embedded default) or `postgres` (shared by several proxy instances). */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Resolves when the database answers and takes writes; rejects with {@link StoreUnavailableError} when it cannot
   * be reached, {@link StoreNotReadyError} when it is read-only, full or damaged.
   */
  ping(): Promise<void>;
  /** Creates a team token; fails when an active token already has that name. */
  createToken(input: { name: string; limits: TokenLimits; now: number }): Promise<Result<CreatedToken>>;
  /**
   * Makes `token` valid under `name` with no limits (the static dev token; tests use it to name a known token),
   * replacing the value of an earlier one of that name; `null` revokes it. A value that was revoked (by an admin,
   * or by `null`) stays revoked: it is refused with {@link RevokedTokenError}.
   */
  putStaticToken(input: { name: string; token: string | null; kind: 'team' | 'dev'; now: number }): Promise<void>;
  listTokens(options?: { includeRevoked?: boolean }): Promise<TokenRecord[]>;
  /** An active token by id, or by name when no id matches. */
  findToken(idOrName: string): Promise<TokenRecord | null>;
  /** Revokes at once: the next request with it is refused. Null when no active token matches. */
  revokeToken(idOrName: string, now: number): Promise<TokenRecord | null>;
  /** Changes some limits (a null value removes that limit). Null when no active token matches. */
  setLimits(idOrName: string, limits: Partial<TokenLimits>): Promise<TokenRecord | null>;
  /** Whose token this is, compared by hash in constant time; null when unknown or revoked. */
  verifyToken(token: string, now: number): Promise<TeamMember | null>;

  /**
   * Atomically checks the token's current limits against its usage (in-flight reservations included) and, when
   * every limit allows it, inserts the request's usage row as a reservation holding its estimated cost.
   */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** Writes a request's final usage row: settles its reservation, or inserts the row when there was none. */
  recordUsage(record: UsageRecord): Promise<void>;
  /**
   * Settles reservations older than `before` left by a proxy that stopped mid-request: outcome `interrupted`, the
   * image no longer counted, the estimate kept as cost (Gemini may have billed the call). Returns how many.
   */
  expireReservations(before: number): Promise<number>;
  /**
   * Settles, like {@link expireReservations}, every reservation whose process `isGone` says no longer runs (a
   * crashed proxy on this machine, seen by the one that replaced it). Returns how many.
   */
  settleGoneInstances(isGone: (instance: string) => boolean): Promise<number>;
  /** One person's totals from `since` (inclusive). */
  usageTotals(tokenId: string, since: number): Promise<UsageTotals>;
  /** Usage from `since`, grouped by UTC day, person and model. */
  usageGroups(since: number): Promise<UsageGroup[]>;
  /** One usage row, for tests and support. */
  usageRecord(requestId: string): Promise<UsageRecord | null>;
  /** Number of usage rows from `since`. */
  countUsage(since?: number): Promise<number>;

  /** A cached answer, marking it used now (least-recently-used eviction). */
  cacheGet(key: string, now: number): Promise<CacheEntry | null>;
  /** Stores an answer, then evicts the least recently used entries until the cache fits in `capBytes`. */
  cachePut(key: string, entry: CacheEntry, now: number, capBytes: number): Promise<void>;
  cacheStats(): Promise<CacheStats>;

  /**
   * Creates a Batch API job (docs/proxy-api.md#batches) and reserves its requests' usage rows, all or none, under
   * the token's limits (the per-minute limit counts the job once).
   */
  createBatchJob(job: NewBatchJob): Promise<ReserveResult>;
  /** The job is at Google as `googleName` (`batches/{id}`), pending. */
  batchSubmitted(id: string, googleName: string, now: number): Promise<void>;
  /** A state Google reported for an open job (pending, running). */
  setBatchState(id: string, state: BatchJobState, now: number): Promise<void>;
  /** One person's jobs, newest first. */
  listBatchJobs(tokenId: string): Promise<BatchJobRecord[]>;
  /** A job and its results (with their bytes), or null. */
  batchJob(id: string): Promise<{ job: BatchJobRecord; results: BatchResultRecord[] } | null>;
  /**
   * Up to `limit` open jobs no instance holds, each now held by the caller for `leaseMs`: two proxies on one store
   * never poll the same job at once, and a job an instance stopped polling is taken up after its lease. A job left
   * `submitting` for `STALE_SUBMISSION_MS` (batch-rows.ts) is claimed too, to be ended.
   */
  claimBatchJobs(now: number, leaseMs: number, limit: number): Promise<BatchJobRecord[]>;
  /** Ends an open job: results stored, usage rows settled, in one transaction. False when it had already ended. */
  finishBatchJob(job: FinishedBatchJob): Promise<boolean>;
  /** Marks results placed (all when `indexes` is null), freeing their bytes; returns how many. */
  placeBatchResults(id: string, indexes: readonly number[] | null, now: number): Promise<number>;

  /** Schema versions applied, oldest first. */
  migrations(): Promise<{ version: number; name: string; appliedAt: number }[]>;
  close(): Promise<void>;
}

/**
 * The database could not be reached (PostgreSQL down, restarting, or out of connections) even after the store's
 * own retries. The app answers it with 503 `proxy_busy` and `Retry-After`, never with the driver's text.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * A static token (`BANANA_DEV_TOKEN`) whose value was revoked: a revocation lasts, so the value is never brought
 * back by a restart with the same environment. The proxy refuses to start and says how to go on.
 */
export class RevokedTokenError extends Error {
  override name = 'RevokedTokenError';
  constructor(
    readonly tokenName: string,
    readonly revokedAt: number,
  ) {
    super(`The token value given for "${tokenName}" was revoked at ${new Date(revokedAt).toISOString()}.`);
  }
}

/**
 * The store answers but cannot take the writes requests make (read-only, full, damaged): `ping` says why in words
 * safe to show anyone (no path, no password), and `/health/ready` answers 503 with them.
 */
export class StoreNotReadyError extends Error {
  override name = 'StoreNotReadyError';
}
