import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/** The token in `Authorization: Bearer <token>`, or null when there is none. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? null;
}
