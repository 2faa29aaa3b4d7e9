/**
 * The rule both stores follow when a static token (`BANANA_DEV_TOKEN`, or a test's known token) is put under a
 * name: what changes, once the active token of that name and the row holding the same value have been read. The
 * SQL of each change stays with each store (`sqlite-static-token.ts`, `pg-static-token.ts`).
 */
import type { Row } from './row.js';
import { RevokedTokenError } from './store.js';

/** A static token as the store is given it (`ProxyStore.putStaticToken`); a null `token` revokes the name's. */
export interface StaticToken {
  name: string;
  token: string | null;
  kind: 'team' | 'dev';
  now: number;
}

/** What putting a static token's value under a name does to the tokens table. */
export type StaticTokenChange =
  /** The name's active token takes the value; a row holding the value under another name (`drop`) is deleted. */
  | { kind: 'rekey'; id: string; drop: string | null }
  /** The same value, active under another name: it is this name's token now. */
  | { kind: 'rename'; id: string }
  /** Neither the name nor the value is known: a new token. */
  | { kind: 'insert' };

/**
 * The change for `name`, given its active token (`existing`, a row with `id`) and the row holding the value
 * (`sameToken`, with `id` and `revoked_at`). A value that was revoked stays revoked: {@link RevokedTokenError}.
 */
export function staticTokenChange(name: string, existing: Row | null, sameToken: Row | null): StaticTokenChange {
  if (sameToken && sameToken.revoked_at !== null) {
    throw new RevokedTokenError(name, Number(sameToken.revoked_at));
  }
  if (existing) {
    const drop = sameToken && sameToken.id !== existing.id ? String(sameToken.id) : null;
    return { kind: 'rekey', id: String(existing.id), drop };
  }
  if (sameToken) return { kind: 'rename', id: String(sameToken.id) };
  return { kind: 'insert' };
}
