/**
 * Team tokens in SQLite. Only SHA-256 hashes are stored; a token is looked up by its hash (an index on a digest
 * says nothing about the token an attacker would need), and the match is confirmed with a constant-time compare.
 * The static token's rules are in `sqlite-static-token.ts`.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { fail, ok, type Result } from '../../core/result.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { hashToken, newTeamToken } from '../team-tokens.js';
import { transaction } from './sqlite-db.js';
import { putStaticToken } from './sqlite-static-token.js';
import type { StaticToken } from './static-token-change.js';
import type { CreatedToken, TeamMember, TokenRecord } from './store.js';
import { nameTakenError, newTokenId, tokenNameError, type NewToken } from './new-token.js';
import { isActiveMatch, LAST_USED_RESOLUTION_MS, teamMemberOf, TOKEN_COLUMNS, tokenRecordOf } from './token-rows.js';

/** The database, and the statements token operations run most, prepared once per store. */
interface TokenStatements {
  db: DatabaseSync;
  byActiveName: StatementSync;
  byIdOrName: StatementSync;
  byId: StatementSync;
  byHash: StatementSync;
  insert: StatementSync;
  touch: StatementSync;
}

/** The tokens table of one SQLite database: the operations `sqlite-store.ts` serves the store's token methods with. */
export function createTokenTable(db: DatabaseSync) {
  const t = prepareTokenStatements(db);
  return {
    create: (input: NewToken) => createToken(t, input),
    putStatic: (input: StaticToken) => putStaticToken(t, input),
    list: (includeRevoked: boolean) => listTokens(t, includeRevoked),
    find: (idOrName: string) => findToken(t, idOrName),
    revoke: (idOrName: string, now: number) => revokeToken(t, idOrName, now),
    setLimits: (idOrName: string, limits: Partial<TokenLimits>) => setTokenLimits(t, idOrName, limits),
    verify: (token: string, now: number) => verifyToken(t, token, now),
  };
}

function prepareTokenStatements(db: DatabaseSync): TokenStatements {
  return {
    db,
    byActiveName: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE name = ? AND revoked_at IS NULL`),
    byIdOrName: db.prepare(
      `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE revoked_at IS NULL AND (id = ? OR name = ?) ORDER BY (id = ?) DESC LIMIT 1`,
    ),
    byId: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`),
    byHash: db.prepare(`SELECT ${TOKEN_COLUMNS}, token_hash FROM tokens WHERE token_hash = ?`),
    insert: db.prepare(
      'INSERT INTO tokens (id, name, kind, token_hash, daily_images, monthly_usd, rpm, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    touch: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)'),
  };
}

function createToken(t: TokenStatements, input: NewToken): Result<CreatedToken> {
  const name = input.name.trim();
  const invalid = tokenNameError(name);
  if (invalid) return fail(invalid);
  return transaction(t.db, () => {
    if (t.byActiveName.get(name)) return fail(nameTakenError(name));
    const token = newTeamToken();
    const id = newTokenId();
    const { dailyImages, monthlyUsd, rpm } = input.limits;
    t.insert.run(id, name, 'team', hashToken(token), dailyImages, monthlyUsd, rpm, input.now);
    return ok({ token, record: tokenRecordOf(t.byId.get(id)!) });
  });
}

function listTokens(t: TokenStatements, includeRevoked: boolean): TokenRecord[] {
  const where = includeRevoked ? '' : 'WHERE revoked_at IS NULL';
  return t.db
    .prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ${where} ORDER BY revoked_at IS NOT NULL, created_at, name`)
    .all()
    .map(tokenRecordOf);
}

function findToken(t: TokenStatements, idOrName: string): TokenRecord | null {
  const row = t.byIdOrName.get(idOrName, idOrName, idOrName);
  return row ? tokenRecordOf(row) : null;
}

function revokeToken(t: TokenStatements, idOrName: string, now: number): TokenRecord | null {
  return transaction(t.db, () => {
    const record = findToken(t, idOrName);
    if (!record) return null;
    t.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(now, record.id);
    return tokenRecordOf(t.byId.get(record.id)!);
  });
}

function setTokenLimits(t: TokenStatements, idOrName: string, limits: Partial<TokenLimits>): TokenRecord | null {
  return transaction(t.db, () => {
    const record = findToken(t, idOrName);
    if (!record) return null;
    const next = { ...record.limits, ...limits };
    t.db
      .prepare('UPDATE tokens SET daily_images = ?, monthly_usd = ?, rpm = ? WHERE id = ?')
      .run(next.dailyImages, next.monthlyUsd, next.rpm, record.id);
    return tokenRecordOf(t.byId.get(record.id)!);
  });
}

function verifyToken(t: TokenStatements, token: string, now: number): TeamMember | null {
  const hash = hashToken(token);
  const row = t.byHash.get(hash);
  if (!isActiveMatch(hash, row)) return null;
  t.touch.run(now, row.id!, now - LAST_USED_RESOLUTION_MS);
  return teamMemberOf(row);
}
