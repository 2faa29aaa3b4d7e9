/**
 * The static token in PostgreSQL (`BANANA_DEV_TOKEN`, or a test's known token): put under a name, re-keyed,
 * renamed or revoked by the rule of `static-token-change.ts`, under the tokens' advisory lock like every token
 * change (`pg-tokens.ts`).
 */
import type { Pool } from 'pg';
import { hashToken } from '../team-tokens.js';
import { firstRowAsync as one, LOCKS, lockedTransactionAsync } from './pg-db.js';
import { staticTokenChange, type StaticToken } from './static-token-change.js';
import { newTokenId } from './new-token.js';

/** Makes `input.token` the token of `input.name` with no limits, or revokes the name's token for `null`. */
export async function putStaticTokenAsync(pool: Pool, input: StaticToken): Promise<void> {
  await lockedTransactionAsync(pool, LOCKS.tokens, async (client) => {
    const existing = await one(client, 'SELECT id FROM tokens WHERE name = $1 AND revoked_at IS NULL', [input.name]);
    if (input.token === null) {
      if (existing) await client.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [input.now, existing.id]);
      return;
    }
    const hash = hashToken(input.token);
    const sameToken = await one(client, 'SELECT id, revoked_at FROM tokens WHERE token_hash = $1', [hash]);
    const change = staticTokenChange(input.name, existing, sameToken);
    if (change.kind === 'rekey') {
      if (change.drop !== null) await client.query('DELETE FROM tokens WHERE id = $1', [change.drop]);
      await client.query('UPDATE tokens SET token_hash = $1, kind = $2 WHERE id = $3', [hash, input.kind, change.id]);
    } else if (change.kind === 'rename') {
      await client.query('UPDATE tokens SET name = $1, kind = $2 WHERE id = $3', [input.name, input.kind, change.id]);
    } else {
      await client.query(`INSERT INTO tokens (id, name, kind, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`, [
        newTokenId(),
        input.name,
        input.kind,
        hash,
        input.now,
      ]);
    }
  });
}
