/**
 * Team tokens in PostgreSQL: the same rules as `sqlite-tokens.ts` (only SHA-256 hashes stored, one active token
 * per name, constant-time confirmation). Changes take a transaction-scoped advisory lock, so two instances (or
 * an instance and the admin CLI) creating or re-keying tokens at once take turns instead of racing the unique
 * indexes.
 */
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { hashToken, newTeamToken, sameHash } from '../team-tokens.js';
import { LOCKS, transaction, type Query } from './pg-db.js';
import { MAX_TOKEN_NAME } from './sqlite-tokens.js';
import type { CreatedToken, TeamMember, TokenRecord } from './store.js';

type Row = Record<string, unknown>;

const COLUMNS = 'id, name, kind, daily_images, monthly_usd, rpm, created_at, revoked_at, last_used_at';

/** How often `last_used_at` is written at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createPgTokenTable(pool: Pool, query: Query) {
  const byIdOrName = `SELECT ${COLUMNS} FROM tokens WHERE revoked_at IS NULL AND (id = $1 OR name = $1) ORDER BY (id = $1) DESC LIMIT 1`;

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
    return row ? toRecord(row) : null;
  };

  return {
    async create(input: { name: string; limits: TokenLimits; now: number }): Promise<Result<CreatedToken>> {
      const name = input.name.trim();
      if (name === '' || name.length > MAX_TOKEN_NAME) {
        return fail(appError('bad_request', `A token name is 1 to ${MAX_TOKEN_NAME} characters.`));
      }
      return locked(async (client) => {
        if (await one(client, 'SELECT id FROM tokens WHERE name = $1 AND revoked_at IS NULL', [name])) {
          return fail(
            appError(
              'bad_request',
              `An active token is already named "${name}". Revoke it first, or pick another name.`,
            ),
          );
        }
        const token = newTeamToken();
        const { dailyImages, monthlyUsd, rpm } = input.limits;
        const row = await one(
          client,
          `INSERT INTO tokens (id, name, kind, token_hash, daily_images, monthly_usd, rpm, created_at)
           VALUES ($1, $2, 'team', $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
          [newTokenId(), name, hashToken(token), dailyImages, monthlyUsd, rpm, input.now],
        );
        return ok({ token, record: toRecord(row!) });
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
        const sameToken = await one(client, 'SELECT id FROM tokens WHERE token_hash = $1', [hash]);
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
          await client.query('UPDATE tokens SET name = $1, kind = $2, revoked_at = NULL WHERE id = $3', [
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
        `SELECT ${COLUMNS} FROM tokens ${where} ORDER BY revoked_at IS NOT NULL, created_at, name`,
      );
      return rows.map(toRecord);
    },

    find,

    revoke(idOrName: string, now: number): Promise<TokenRecord | null> {
      return locked(async (client) => {
        const row = await one(client, byIdOrName, [idOrName]);
        if (!row) return null;
        const updated = await one(client, `UPDATE tokens SET revoked_at = $1 WHERE id = $2 RETURNING ${COLUMNS}`, [
          now,
          row.id,
        ]);
        return toRecord(updated!);
      });
    },

    setLimits(idOrName: string, limits: Partial<TokenLimits>): Promise<TokenRecord | null> {
      return locked(async (client) => {
        const row = await one(client, byIdOrName, [idOrName]);
        if (!row) return null;
        const next = { ...toRecord(row).limits, ...limits };
        const updated = await one(
          client,
          `UPDATE tokens SET daily_images = $1, monthly_usd = $2, rpm = $3 WHERE id = $4 RETURNING ${COLUMNS}`,
          [next.dailyImages, next.monthlyUsd, next.rpm, row.id],
        );
        return toRecord(updated!);
      });
    },

    async verify(token: string, now: number): Promise<TeamMember | null> {
      const hash = hashToken(token);
      const [row] = await query<Row>(`SELECT ${COLUMNS}, token_hash FROM tokens WHERE token_hash = $1`, [hash]);
      if (!row || row.revoked_at !== null || !sameHash(hash, Buffer.from(row.token_hash as Uint8Array))) return null;
      if (row.last_used_at === null || Number(row.last_used_at) < now - LAST_USED_RESOLUTION_MS) {
        await query(
          'UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)',
          [now, row.id, now - LAST_USED_RESOLUTION_MS],
        );
      }
      const record = toRecord(row);
      return { id: record.id, name: record.name, limits: record.limits };
    },
  };
}

function newTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

function toRecord(row: Row): TokenRecord {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(row.id),
    name: String(row.name),
    kind: row.kind === 'dev' ? 'dev' : 'team',
    limits: { dailyImages: num(row.daily_images), monthlyUsd: num(row.monthly_usd), rpm: num(row.rpm) },
    createdAt: Number(row.created_at),
    revokedAt: num(row.revoked_at),
    lastUsedAt: num(row.last_used_at),
  };
}
