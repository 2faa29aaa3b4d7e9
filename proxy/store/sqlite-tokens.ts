/**
 * Team tokens in SQLite. Only SHA-256 hashes are stored; a token is looked up by its hash (an index on a digest
 * says nothing about the token an attacker would need), and the match is confirmed with a constant-time compare.
 */
import type { DatabaseSync } from 'node:sqlite';
import { fail, ok, type Result } from '../../core/result.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { hashToken, newTeamToken, sameHash } from '../team-tokens.js';
import { transaction } from './sqlite-db.js';
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

export function createTokenTable(db: DatabaseSync) {
  const byActiveName = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE name = ? AND revoked_at IS NULL`);
  const byIdOrName = db.prepare(
    `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE revoked_at IS NULL AND (id = ? OR name = ?) ORDER BY (id = ?) DESC LIMIT 1`,
  );
  const byId = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`);
  const byHash = db.prepare(`SELECT ${TOKEN_COLUMNS}, token_hash FROM tokens WHERE token_hash = ?`);
  const insert = db.prepare(
    'INSERT INTO tokens (id, name, kind, token_hash, daily_images, monthly_usd, rpm, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const touch = db.prepare(
    'UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  );

  const find = (idOrName: string): TokenRecord | null => {
    const row = byIdOrName.get(idOrName, idOrName, idOrName);
    return row ? tokenRecordOf(row) : null;
  };

  return {
    create(input: { name: string; limits: TokenLimits; now: number }): Result<CreatedToken> {
      const name = input.name.trim();
      const invalid = tokenNameError(name);
      if (invalid) return fail(invalid);
      return transaction(db, () => {
        if (byActiveName.get(name)) return fail(nameTakenError(name));
        const token = newTeamToken();
        const id = newTokenId();
        const { dailyImages, monthlyUsd, rpm } = input.limits;
        insert.run(id, name, 'team', hashToken(token), dailyImages, monthlyUsd, rpm, input.now);
        return ok({ token, record: tokenRecordOf(byId.get(id)!) });
      });
    },

    putStatic(input: { name: string; token: string | null; kind: 'team' | 'dev'; now: number }): void {
      transaction(db, () => {
        const existing = byActiveName.get(input.name);
        if (input.token === null) {
          if (existing) db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(input.now, existing.id!);
          return;
        }
        const hash = hashToken(input.token);
        const sameToken = byHash.get(hash);
        if (sameToken && sameToken.revoked_at !== null) {
          throw new RevokedTokenError(input.name, Number(sameToken.revoked_at));
        }
        if (existing) {
          if (sameToken && sameToken.id !== existing.id)
            db.prepare('DELETE FROM tokens WHERE id = ?').run(sameToken.id!);
          db.prepare('UPDATE tokens SET token_hash = ?, kind = ? WHERE id = ?').run(hash, input.kind, existing.id!);
        } else if (sameToken) {
          // The same value, active under another name: it is this one now.
          db.prepare('UPDATE tokens SET name = ?, kind = ? WHERE id = ?').run(input.name, input.kind, sameToken.id!);
        } else {
          insert.run(newTokenId(), input.name, input.kind, hash, null, null, null, input.now);
        }
      });
    },

    list(includeRevoked: boolean): TokenRecord[] {
      const where = includeRevoked ? '' : 'WHERE revoked_at IS NULL';
      return db
        .prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ${where} ORDER BY revoked_at IS NOT NULL, created_at, name`)
        .all()
        .map(tokenRecordOf);
    },

    find,

    revoke(idOrName: string, now: number): TokenRecord | null {
      return transaction(db, () => {
        const record = find(idOrName);
        if (!record) return null;
        db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(now, record.id);
        return tokenRecordOf(byId.get(record.id)!);
      });
    },

    setLimits(idOrName: string, limits: Partial<TokenLimits>): TokenRecord | null {
      return transaction(db, () => {
        const record = find(idOrName);
        if (!record) return null;
        const next = { ...record.limits, ...limits };
        db.prepare('UPDATE tokens SET daily_images = ?, monthly_usd = ?, rpm = ? WHERE id = ?').run(
          next.dailyImages,
          next.monthlyUsd,
          next.rpm,
          record.id,
        );
        return tokenRecordOf(byId.get(record.id)!);
      });
    },

    verify(token: string, now: number): TeamMember | null {
      const hash = hashToken(token);
      const row = byHash.get(hash);
      if (!row || row.revoked_at !== null || !sameHash(hash, Buffer.from(row.token_hash as Uint8Array))) return null;
      touch.run(now, row.id!, now - LAST_USED_RESOLUTION_MS);
      return teamMemberOf(row);
    },
  };
}
