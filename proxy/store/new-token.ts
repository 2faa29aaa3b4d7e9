/**
 * What both stores check of a token an admin creates, and what they give it: a name of printable text, one active
 * token per name, and a short id to type. The SQL stays with each store (`sqlite-tokens.ts`, `pg-tokens.ts`).
 */
import { randomBytes } from 'node:crypto';
import { appError, type AppError } from '../../core/errors.js';
import type { TokenLimits } from '../../core/usage-summary.js';

/** A token an admin creates (`ProxyStore.createToken`): its name as typed, trimmed by the store. */
export interface NewToken {
  name: string;
  limits: TokenLimits;
  now: number;
}

/** Longest token name accepted: a person's name or a role, not a paragraph. */
export const MAX_TOKEN_NAME = 64;

/** `tok_` and 12 hex digits: short enough to type in `tokens revoke <id>`, never the token itself. */
export function newTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

/** Why `name` (already trimmed) cannot name a new token, or null when it can. */
export function tokenNameError(name: string): AppError | null {
  if (name === '' || name.length > MAX_TOKEN_NAME) {
    return appError('bad_request', `A token name is 1 to ${MAX_TOKEN_NAME} characters.`);
  }
  if (UNPRINTABLE.test(name)) {
    return appError(
      'bad_request',
      'A token name is printable text: no control characters, line breaks, or invisible marks such as direction overrides.',
    );
  }
  return null;
}

/**
 * What a name may not hold: control characters (a name is printed in terminals and logs), format characters
 * (bidi overrides and zero-width marks make "Ana" and a look-alike read the same), line and paragraph
 * separators, private-use and unassigned code points, and lone surrogates.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

/** The refusal when an active token already has `name`: one active token per name. */
export function nameTakenError(name: string): AppError {
  return appError('bad_request', `An active token is already named "${name}". Revoke it first, or pick another name.`);
}
