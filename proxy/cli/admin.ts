/**
 * `npm run admin -- <command>`: manage team tokens and read usage straight from the store (PostgreSQL when
 * `DATABASE_URL` is set, else the SQLite file under `BANANA_DATA_DIR`), with or without the proxy running (SQLite's
 * WAL, or PostgreSQL, lets both work at once, and a revoked token is refused on its very next request).
 *
 *   tokens create --name "Ana" [--daily-images N] [--monthly-usd X] [--rpm N] [--json]
 *   tokens list [--all] [--json]
 *   tokens revoke <id|name> [--json]
 *   tokens set-limits <id|name> [--daily-images N|none] [--monthly-usd X|none] [--rpm N|none] [--json]
 *   usage [--days N] [--json]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock, type Clock } from '../clock.js';
import { openStore } from '../store/open-store.js';
import type { ProxyStore } from '../store/store.js';
import { parseAdminArgs, UsageError } from './admin-args.js';
import { runAdminCommandAsync } from './admin-commands.js';

/** Where the CLI reads and writes; tests pass arrays and a temp data dir. */
export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  clock?: Clock;
}

export const ADMIN_USAGE = `Banana Studio proxy admin (data: $DATABASE_URL if set, else $BANANA_DATA_DIR, default ./data)

  npm run admin -- tokens create --name "Ana" [--daily-images N] [--monthly-usd X] [--rpm N] [--json]
  npm run admin -- tokens list [--all] [--json]
  npm run admin -- tokens revoke <id|name> [--json]
  npm run admin -- tokens set-limits <id|name> [--daily-images N|none] [--monthly-usd X|none] [--rpm N|none] [--json]
  npm run admin -- usage [--days 30] [--json]

A token is printed once, when it is created; only its SHA-256 hash is stored.`;

/** Runs one command; resolves with the process exit code (0 ok, 1 failed, 2 misused). */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  const clock = io.clock ?? systemClock;
  let store: ProxyStore | null = null;
  const open = async (): Promise<ProxyStore> => {
    store = await openStore(
      {
        databaseUrl: io.env.DATABASE_URL?.trim() || null,
        dataDir: resolve(io.env.BANANA_DATA_DIR?.trim() || './data'),
      },
      clock.now(),
    );
    return store;
  };
  try {
    const { values, positionals } = parseAdminArgs(argv);
    if (values.help || positionals[0] === undefined || positionals[0] === 'help') {
      io.out(ADMIN_USAGE);
      return 0;
    }
    const print = (json: unknown, text: string): void => io.out(values.json ? JSON.stringify(json, null, 2) : text);
    return await runAdminCommandAsync({ values, positionals, now: () => clock.now(), open, print, err: io.err });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${ADMIN_USAGE}`);
      return 2;
    }
    io.err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await (store as ProxyStore | null)?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
