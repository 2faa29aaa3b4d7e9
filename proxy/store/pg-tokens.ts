/**
 * Team tokens in PostgreSQL: the same rules as `sqlite-tokens.ts` (only SHA-256 hashes stored, one active token
 * per name, constant-time confirmation). Changes take a transaction-scoped advisory lock, so two instances (or
 * an instance and the admin CLI) creating or re-keying tokens at once take turns instead of racing the unique
 * indexes. The static token's rules are in `pg-static-token.ts`.
 */
import type { Pool } from 'pg';
import { fail, ok, type Result } from '../../core/result.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { hashToken, newTeamToken } from '../team-tokens.js';
import { firstRowAsync as one, LOCKS, lockedTransactionAsync, type Query } from './pg-db.js';
import { putStaticTokenAsync } from './pg-static-token.js';
import type { Row } from './row.js';
import type { StaticToken } from './static-token-change.js';
import type { CreatedToken, TeamMember, TokenRecord } from './store.js';
import { nameTakenError, newTokenId, tokenNameError, type NewToken } from './new-token.js';
import { isActiveMatch, LAST_USED_RESOLUTION_MS, teamMemberOf, TOKEN_COLUMNS, tokenRecordOf } from './token-rows.js';

const BY_ID_OR_NAME = `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE revoked_at IS NULL AND (id = $1 OR name = $1) ORDER BY (id = $1) DESC LIMIT 1`;

/** The tokens table of one PostgreSQL database: the operations `pg-store.ts` serves the store's token methods with. */
export function createPgTokenTable(pool: Pool, query: Query) {
  return {
    create: (input: NewToken) => createTokenAsync(pool, input),
    putStatic: (input: StaticToken) => putStaticTokenAsync(pool, input),
    list: (includeRevoked: boolean) => listTokensAsync(query, includeRevoked),
    find: (idOrName: string) => findTokenAsync(query, idOrName),
    revoke: (idOrName: string, now: number) => revokeTokenAsync(pool, idOrName, now),
    setLimits: (idOrName: string, limits: Partial<TokenLimits>) => setTokenLimitsAsync(pool, idOrName, limits),
    verify: (token: string, now: number) => verifyTokenAsync(query, token, now),
  };
}

async function createTokenAsync(pool: Pool, input: NewToken): Promise<Result<CreatedToken>> {
  const name = input.name.trim();
  const invalid = tokenNameError(name);
  if (invalid) return fail(invalid);
  return lockedTransactionAsync(pool, LOCKS.tokens, async (client) => {
    if (await one(client, 'SELECT id FROM tokens WHERE name = $1 AND revoked_at IS NULL', [name])) {
      return fail(nameTakenError(name));
    }
    const token = newTeamToken();
    const { dailyImages, monthlyUsd, rpm } = input.limits;
    const row = await one(
      client,
      `INSERT INTO tokens (id, name, kind, token_hash, daily_images, monthly_usd, rpm, created_at)
           VALUES ($1, $2, 'team', $3, $4, $5, $6, $7) RETURNING ${TOKEN_COLUMNS}`,
      [newTokenId(), name, hashToken(token), dailyImages, monthlyUsd, rpm, input.now],
    );
    return ok({ token, record: tokenRecordOf(row!) });
  });
}

async function listTokensAsync(query: Query, includeRevoked: boolean): Promise<TokenRecord[]> {
  const where = includeRevoked ? '' : 'WHERE revoked_at IS NULL';
  const rows = await query<Row>(
    `SELECT ${TOKEN_COLUMNS} FROM tokens ${where} ORDER BY revoked_at IS NOT NULL, created_at, name`,
  );
  return rows.map(tokenRecordOf);
}

async function findTokenAsync(query: Query, idOrName: string): Promise<TokenRecord | null> {
  const [row] = await query<Row>(BY_ID_OR_NAME, [idOrName]);
  return row ? tokenRecordOf(row) : null;
}

function revokeTokenAsync(pool: Pool, idOrName: string, now: number): Promise<TokenRecord | null> {
  return lockedTransactionAsync(pool, LOCKS.tokens, async (client) => {
    const row = await one(client, BY_ID_OR_NAME, [idOrName]);
    if (!row) return null;
    const updated = await one(client, `UPDATE tokens SET revoked_at = $1 WHERE id = $2 RETURNING ${TOKEN_COLUMNS}`, [
      now,
      row.id,
    ]);
    return tokenRecordOf(updated!);
  });
}

function setTokenLimitsAsync(pool: Pool, idOrName: string, limits: Partial<TokenLimits>): Promise<TokenRecord | null> {
  return lockedTransactionAsync(pool, LOCKS.tokens, async (client) => {
    const row = await one(client, BY_ID_OR_NAME, [idOrName]);
    if (!row) return null;
    const next = { ...tokenRecordOf(row).limits, ...limits };
    const updated = await one(
      client,
      `UPDATE tokens SET daily_images = $1, monthly_usd = $2, rpm = $3 WHERE id = $4 RETURNING ${TOKEN_COLUMNS}`,
      [next.dailyImages, next.monthlyUsd, next.rpm, row.id],
    );
    return tokenRecordOf(updated!);
  });
}

async function verifyTokenAsync(query: Query, token: string, now: number): Promise<TeamMember | null> {
  const hash = hashToken(token);
  const [row] = await query<Row>(`SELECT ${TOKEN_COLUMNS}, token_hash FROM tokens WHERE token_hash = $1`, [hash]);
  if (!isActiveMatch(hash, row)) return null;
  if (row.last_used_at === null || Number(row.last_used_at) < now - LAST_USED_RESOLUTION_MS) {
    await query('UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)', [
      now,
      row.id,
      now - LAST_USED_RESOLUTION_MS,
    ]);
  }
  return teamMemberOf(row);
}
