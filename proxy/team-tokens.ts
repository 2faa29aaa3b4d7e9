import { createHash, timingSafeEqual } from 'node:crypto';

/** Who a valid team token belongs to. */
export interface TokenOwner {
  id: string;
  name: string;
}

/** Checks team tokens. The SQLite/PostgreSQL store implements this too (tokens stored hashed). */
export interface TokenVerifier {
  verify(token: string): Promise<TokenOwner | null>;
}

/** SHA-256 of a token: what is stored and compared, so the token itself is never kept. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of two token hashes (equal length by construction). */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A verifier with a fixed set of tokens, e.g. the local "dev" token. */
export function staticTokens(entries: readonly { token: string; name: string }[]): TokenVerifier {
  const hashed = entries.map((e) => ({ hash: hashToken(e.token), owner: { id: e.name, name: e.name } }));
  return {
    verify(token) {
      const hash = hashToken(token);
      // Compare against every entry so the time taken does not say which one matched.
      let found: TokenOwner | null = null;
      for (const entry of hashed) if (sameHash(hash, entry.hash)) found = entry.owner;
      return Promise.resolve(found);
    },
  };
}
