/**
 * What both stores' token tables share: the columns a token is read with, how such a row becomes a record, the
 * rules for a new token's name and id, when a row found by hash is the token presented, and how often a use is
 * written down. The SQL stays with each store (`sqlite-tokens.ts`, `pg-tokens.ts` and their static-token files).
 */
import { randomBytes } from 'node:crypto';
import { appError, type AppError } from '../../core/errors.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { sameHash } from '../team-tokens.js';
import { nullableNumber, type Row } from './row.js';
import type { TeamMember, TokenRecord } from './store.js';

/** A token an admin creates (`ProxyStore.createToken`): its name as typed, trimmed by the store. */
export interface NewToken {
  name: string;
  limits: TokenLimits;
  now: number;
}

/** Longest token name accepted: a person's name or a role, not a paragraph. */
export const MAX_TOKEN_NAME = 64;

/** The columns {@link tokenRecordOf} reads (never `token_hash`, which `verify` selects on its own). */
export const TOKEN_COLUMNS = 'id, name, kind, daily_images, monthly_usd, rpm, created_at, revoked_at, last_used_at';

/** How often `last_used_at` is written at most: once a minute is plenty for the admin page, and saves a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** `tok_` and 12 hex digits: short enough to type in `tokens revoke <id>`, never the token itself. */
export function newTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

/** Why `name` (already trimmed) cannot name a new token, or null when it can. */
export function tokenNameError(name: string): AppError | null {
  if (name === '' || name.length > MAX_TOKEN_NAME) {
    return appError('bad_request', `A token name is 1 to ${MAX_TOKEN_NAME} characters.`);
  }
  if (UNPRINTABLE.test(name)) {
    return appError(
      'bad_request',
      'A token name is printable text: no control characters, line breaks, or invisible marks such as direction overrides.',
    );
  }
  return null;
}

/**
 * What a name may not hold: control characters (a name is printed in terminals and logs), format characters
 * (bidi overrides and zero-width marks make "Ana" and a look-alike read the same), line and paragraph
 * separators, private-use and unassigned code points, and lone surrogates.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

/** The refusal when an active token already has `name`: one active token per name. */
export function nameTakenError(name: string): AppError {
  return appError('bad_request', `An active token is already named "${name}". Revoke it first, or pick another name.`);
}

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
