/**
 * The admin CLI's command line (`admin.ts`): its flags parsed strictly, and the limit flags as a patch validated
 * with the admin API's own schema. A command line it cannot use is a {@link UsageError}: exit code 2, with usage.
 */
import { parseArgs } from 'node:util';
import { describeIssue } from '../../core/proxy-schema.js';
import { limitsPatchSchema, parseLimitArg, type LimitsPatch } from '../admin/token-limits.js';

/** A command line the CLI cannot use; the message is printed above the usage text. */
export class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' },
  'daily-images': { type: 'string' },
  'monthly-usd': { type: 'string' },
  rpm: { type: 'string' },
  days: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags given (`--name`, `--json`, …) and the words (`tokens create`, a token's id or name). */
export function parseAdminArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The flags as {@link parseAdminArgs} returns them. */
export type AdminFlags = ReturnType<typeof parseAdminArgs>['values'];

/** `--daily-images`, `--monthly-usd`, `--rpm` as a validated patch (same schema as the admin API). */
export function limitArgs(values: { 'daily-images'?: string; 'monthly-usd'?: string; rpm?: string }): LimitsPatch {
  const raw: Record<string, number | null> = {};
  for (const [flag, field] of [
    ['daily-images', 'dailyImages'],
    ['monthly-usd', 'monthlyUsd'],
    ['rpm', 'rpm'],
  ] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = parseLimitArg(text);
    if (value === 'invalid') throw new UsageError(`--${flag} takes a number, or "none" for no limit; got "${text}".`);
    raw[field] = value;
  }
  const parsed = limitsPatchSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`Invalid limit: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

/** The patch of `tokens set-limits`, which must change something. */
export function requireSome(patch: LimitsPatch): LimitsPatch {
  if (Object.keys(patch).length === 0) {
    throw new UsageError('tokens set-limits needs at least one of --daily-images, --monthly-usd, --rpm.');
  }
  return patch;
}
