import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who a valid team token belongs to. */
export interface TokenOwner {
  id: string;
  name: string;
}

/** SHA-256 of a token: what is stored and compared, so the token itself is never kept. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Prefix of every team token, so one pasted into the wrong place is easy to recognise (and to scan for). */
export const TEAM_TOKEN_PREFIX = 'bnn_';

/** A new team token: `bnn_` and 32 base64url characters (24 random bytes, 192 bits). */
export function newTeamToken(): string {
  return `${TEAM_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** Constant-time comparison of two token hashes (equal length by construction). */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
