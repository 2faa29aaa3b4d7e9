/**
 * A PostgreSQL store that cannot be opened (`startup-errors.ts`), in words an admin can act on: the user or
 * password refused, a database that does not exist, no right to create tables, a server not reachable, or a schema
 * newer than this proxy.
 */
import { DatabaseError } from 'pg';
import { ConfigError } from './config.js';

/** PostgreSQL's refusals at connect time (SQLSTATE, postgresql.org/docs/current/errcodes-appendix.html). */
export function postgresStartupError(error: unknown): ConfigError | null {
  const cause = error instanceof Error && error.cause instanceof DatabaseError ? error.cause : error;
  if (cause instanceof DatabaseError) {
    if (cause.code === '28P01' || cause.code === '28000') {
      return new ConfigError(
        'PostgreSQL refused the user name or password in DATABASE_URL. Check them (postgres://user:password@host:5432/database).',
      );
    }
    if (cause.code === '3D000') {
      return new ConfigError(
        'The database named in DATABASE_URL does not exist. Create it (createdb), or fix the name.',
      );
    }
    if (cause.code === '42501') {
      return new ConfigError(
        'The DATABASE_URL user may not create tables in that database. Grant it CREATE, or use its owner.',
      );
    }
  }
  const code = (cause as { code?: string }).code;
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    (error instanceof Error && error.name === 'StoreUnavailableError')
  ) {
    return new ConfigError(
      'Cannot reach PostgreSQL at the host and port in DATABASE_URL. Is the server running, and is the address right?',
    );
  }
  if (error instanceof Error && /newer Banana Studio proxy/.test(error.message)) return new ConfigError(error.message);
  return null;
}
