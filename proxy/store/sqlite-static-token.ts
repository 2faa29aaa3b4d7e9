/**
 * The static token in SQLite (`BANANA_DEV_TOKEN`, or a test's known token): put under a name, re-keyed, renamed or
 * revoked by the rule of `static-token-change.ts`, all in one `BEGIN IMMEDIATE` transaction.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { hashToken } from '../team-tokens.js';
import { transaction } from './sqlite-db.js';
import { staticTokenChange, type StaticToken } from './static-token-change.js';
import { newTokenId } from './new-token.js';

/** The database, and the statements of `sqlite-tokens.ts` a static token reads and inserts with. */
export interface StaticTokenStatements {
  db: DatabaseSync;
  byActiveName: StatementSync;
  byHash: StatementSync;
  insert: StatementSync;
}

/** Makes `input.token` the token of `input.name` with no limits, or revokes the name's token for `null`. */
export function putStaticToken(t: StaticTokenStatements, input: StaticToken): void {
  const { db } = t;
  transaction(db, () => {
    const existing = t.byActiveName.get(input.name);
    if (input.token === null) {
      if (existing) db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(input.now, existing.id!);
      return;
    }
    const hash = hashToken(input.token);
    const change = staticTokenChange(input.name, existing ?? null, t.byHash.get(hash) ?? null);
    if (change.kind === 'rekey') {
      if (change.drop !== null) db.prepare('DELETE FROM tokens WHERE id = ?').run(change.drop);
      db.prepare('UPDATE tokens SET token_hash = ?, kind = ? WHERE id = ?').run(hash, input.kind, change.id);
    } else if (change.kind === 'rename') {
      db.prepare('UPDATE tokens SET name = ?, kind = ? WHERE id = ?').run(input.name, input.kind, change.id);
    } else {
      t.insert.run(newTokenId(), input.name, input.kind, hash, null, null, null, input.now);
    }
  });
}
