/**
 * What both stores' token tables share when they read a token: the columns it is read with, how such a row becomes
 * a record, when a row found by hash is the token presented, and how often a use is written down. A new token's
 * rules are in `new-token.ts`; the SQL stays with each store (`sqlite-tokens.ts`, `pg-tokens.ts` and their
 * static-token files).
 */
import type { TokenLimits } from '../../core/usage-summary.js';
import { sameHash } from '../team-tokens.js';
import { nullableNumber, type Row } from './row.js';
import type { TeamMember, TokenRecord } from './store.js';

/** The columns {@link tokenRecordOf} reads (never `token_hash`, which `verify` selects on its own). */
export const TOKEN_COLUMNS = 'id, name, kind, daily_images, monthly_usd, rpm, created_at, revoked_at, last_used_at';

/** How often `last_used_at` is written at most: once a minute is plenty for the admin page, and saves a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** A token's limit columns (`daily_images, monthly_usd, rpm`); a null column is no limit. */
export function tokenLimitsOf(row: Row): TokenLimits {
  return {
    dailyImages: nullableNumber(row.daily_images),
    monthlyUsd: nullableNumber(row.monthly_usd),
    rpm: nullableNumber(row.rpm),
  };
}

/** A row of {@link TOKEN_COLUMNS} as the admin sees it. */
export function tokenRecordOf(row: Row): TokenRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    kind: row.kind === 'dev' ? 'dev' : 'team',
    limits: tokenLimitsOf(row),
    createdAt: Number(row.created_at),
    revokedAt: nullableNumber(row.revoked_at),
    lastUsedAt: nullableNumber(row.last_used_at),
  };
}

/** The owner of a verified token, with the limits that apply to them now. */
export function teamMemberOf(row: Row): TeamMember {
  const record = tokenRecordOf(row);
  return { id: record.id, name: record.name, limits: record.limits };
}

/**
 * True when `row` (found by `token_hash`, with `revoked_at`) is an active token whose hash is `hash`, confirmed in
 * constant time: the index lookup alone would trust the database's comparison.
 */
export function isActiveMatch(hash: Buffer, row: Row | null | undefined): row is Row {
  return !!row && row.revoked_at === null && sameHash(hash, Buffer.from(row.token_hash as Uint8Array));
}
