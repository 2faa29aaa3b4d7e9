/**
 * Team tokens in PostgreSQL: the same rules as `sqlite-tokens.ts` (only SHA-256 hashes stored, one active token
 * per name, constant-time confirmation). Changes take a transaction-scoped advisory lock, so two instances (or
 * an instance and the admin CLI) creating or re-keying tokens at once take turns instead of racing the unique
 * indexes.
 */
import type { Pool, PoolClient } from 'pg';
import { fail, ok, type Result } from '../../core/result.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { hashToken, newTeamToken, sameHash } from '../team-tokens.js';
import { LOCKS, transaction, type Query } from './pg-db.js';
import type { Row } from './row.js';
import { RevokedTokenError, type CreatedToken, type TeamMember, type TokenRecord } from './store.js';
import {
  LAST_USED_RESOLUTION_MS,
  nameTakenError,
  newTokenId,
  teamMemberOf,
  TOKEN_COLUMNS,
  tokenNameError,
  tokenRecordOf,
} from './token-rows.js';

export function createPgTokenTable(pool: Pool, query: Query) {
  const byIdOrName = `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE revoked_at IS NULL AND (id = $1 OR name = $1) ORDER BY (id = $1) DESC LIMIT 1`;

  /** A token change, one at a time over every instance. */
  const locked = <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> =>
    transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.tokens]);
      return fn(client);
    });
  const one = async (client: PoolClient, sql: string, params: unknown[]): Promise<Row | null> =>
    (await client.query<Row>(sql, params)).rows[0] ?? null;

  const find = async (idOrName: string): Promise<TokenRecord | null> => {
    const [row] = await query<Row>(byIdOrName, [idOrName]);
    return row ? tokenRecordOf(row) : null;
  };

  return {
    async create(input: { name: string; limits: TokenLimits; now: number }): Promise<Result<CreatedToken>> {
      const name = input.name.trim();
      const invalid = tokenNameError(name);
      if (invalid) return fail(invalid);
      return locked(async (client) => {
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
    },

    async putStatic(input: { name: string; token: string | null; kind: 'team' | 'dev'; now: number }): Promise<void> {
      await locked(async (client) => {
        const existing = await one(client, 'SELECT id FROM tokens WHERE name = $1 AND revoked_at IS NULL', [
          input.name,
        ]);
        if (input.token === null) {
          if (existing) await client.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [input.now, existing.id]);
          return;
        }
        const hash = hashToken(input.token);
        const sameToken = await one(client, 'SELECT id, revoked_at FROM tokens WHERE token_hash = $1', [hash]);
        if (sameToken && sameToken.revoked_at !== null) {
          throw new RevokedTokenError(input.name, Number(sameToken.revoked_at));
        }
        if (existing) {
          if (sameToken && sameToken.id !== existing.id) {
            await client.query('DELETE FROM tokens WHERE id = $1', [sameToken.id]);
          }
          await client.query('UPDATE tokens SET token_hash = $1, kind = $2 WHERE id = $3', [
            hash,
            input.kind,
            existing.id,
          ]);
        } else if (sameToken) {
          await client.query('UPDATE tokens SET name = $1, kind = $2 WHERE id = $3', [
            input.name,
            input.kind,
            sameToken.id,
          ]);
        } else {
          await client.query(
            `INSERT INTO tokens (id, name, kind, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
            [newTokenId(), input.name, input.kind, hash, input.now],
          );
        }
      });
    },

    async list(includeRevoked: boolean): Promise<TokenRecord[]> {
      const where = includeRevoked ? '' : 'WHERE revoked_at IS NULL';
      const rows = await query<Row>(
        `SELECT ${TOKEN_COLUMNS} FROM tokens ${where} ORDER BY revoked_at IS NOT NULL, created_at, name`,
      );
      return rows.map(tokenRecordOf);
    },

    find,

    revoke(idOrName: string, now: number): Promise<TokenRecord | null> {
      return locked(async (client) => {
        const row = await one(client, byIdOrName, [idOrName]);
        if (!row) return null;
        const updated = await one(
          client,
          `UPDATE tokens SET revoked_at = $1 WHERE id = $2 RETURNING ${TOKEN_COLUMNS}`,
          [now, row.id],
        );
        return tokenRecordOf(updated!);
      });
    },

    setLimits(idOrName: string, limits: Partial<TokenLimits>): Promise<TokenRecord | null> {
      return locked(async (client) => {
        const row = await one(client, byIdOrName, [idOrName]);
        if (!row) return null;
        const next = { ...tokenRecordOf(row).limits, ...limits };
        const updated = await one(
          client,
          `UPDATE tokens SET daily_images = $1, monthly_usd = $2, rpm = $3 WHERE id = $4 RETURNING ${TOKEN_COLUMNS}`,
          [next.dailyImages, next.monthlyUsd, next.rpm, row.id],
        );
        return tokenRecordOf(updated!);
      });
    },

    async verify(token: string, now: number): Promise<TeamMember | null> {
      const hash = hashToken(token);
      const [row] = await query<Row>(`SELECT ${TOKEN_COLUMNS}, token_hash FROM tokens WHERE token_hash = $1`, [hash]);
      if (!row || row.revoked_at !== null || !sameHash(hash, Buffer.from(row.token_hash as Uint8Array))) return null;
      if (row.last_used_at === null || Number(row.last_used_at) < now - LAST_USED_RESOLUTION_MS) {
        await query(
          'UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)',
          [now, row.id, now - LAST_USED_RESOLUTION_MS],
        );
      }
      return teamMemberOf(row);
    },
  };
}
