/**
 * The admin CLI's commands (`admin.ts` parses the command line and opens nothing until a command needs the store):
 * create, list, revoke a token or set its limits, and the usage report. Each resolves with the exit code.
 */
import { projectMonth, projectionSince } from '../../core/month-projection.js';
import { DAY_MS, utcDayStart } from '../../core/usage-periods.js';
import { buildUsageReport, reportDays } from '../../core/usage-report.js';
import type { TokenLimits } from '../../core/usage-summary.js';
import { tokenJson } from '../admin/token-json.js';
import { limitsFrom } from '../admin/token-limits.js';
import type { ProxyStore } from '../store/store.js';
import { limitArgs, requireSome, UsageError, type AdminFlags } from './admin-args.js';
import { describeLimits, tokenTable, usageTable } from './admin-tables.js';

/** What a command reads and writes with. */
export interface AdminCommandContext {
  values: AdminFlags;
  /** The command's words: group, command, then its target. */
  positionals: readonly string[];
  now: () => number;
  /** Opens the store (once; the caller closes it). */
  open: () => Promise<ProxyStore>;
  /** Prints `json` with `--json`, else `text`. */
  print: (json: unknown, text: string) => void;
  err: (line: string) => void;
}

/** Runs the command the words name; a {@link UsageError} for words that name none. */
export function runAdminCommandAsync(context: AdminCommandContext): Promise<number> {
  const [group, command] = context.positionals;
  if (group === 'tokens' && command === 'create') return createTokenAsync(context);
  if (group === 'tokens' && command === 'list') return listTokensAsync(context);
  if (group === 'tokens' && (command === 'revoke' || command === 'set-limits')) {
    return changeTokenAsync(context, command);
  }
  if (group === 'usage') return usageReportAsync(context);
  throw new UsageError(`Unknown command: ${context.positionals.join(' ')}`);
}

async function createTokenAsync({ values, now, open, print, err }: AdminCommandContext): Promise<number> {
  if (!values.name) throw new UsageError('tokens create needs --name "Person".');
  const limits: TokenLimits = { dailyImages: null, monthlyUsd: null, rpm: null, ...limitsFrom(limitArgs(values)) };
  const created = await (await open()).createToken({ name: values.name, limits, now: now() });
  if (!created.ok) {
    err(created.error.message);
    return 1;
  }
  const { token, record } = created.value;
  print(
    { token, ...tokenJson(record) },
    `Created a token for ${record.name} (id ${record.id}). Copy it now; it is not shown again:\n\n  ${token}\n\nLimits: ${describeLimits(record.limits)}.`,
  );
  return 0;
}

async function listTokensAsync({ values, open, print }: AdminCommandContext): Promise<number> {
  const tokens = await (await open()).listTokens({ includeRevoked: values.all ?? false });
  print({ tokens: tokens.map(tokenJson) }, tokenTable(tokens));
  return 0;
}

async function changeTokenAsync(context: AdminCommandContext, command: 'revoke' | 'set-limits'): Promise<number> {
  const { values, now, open, print, err } = context;
  const target = context.positionals[2];
  if (!target) throw new UsageError(`tokens ${command} needs the token's id or name.`);
  const record =
    command === 'revoke'
      ? await (await open()).revokeToken(target, now())
      : await (await open()).setLimits(target, limitsFrom(requireSome(limitArgs(values))));
  if (!record) {
    err(`No active token has the id or name "${target}". See: npm run admin -- tokens list`);
    return 1;
  }
  print(
    tokenJson(record),
    command === 'revoke'
      ? `Revoked ${record.name}'s token (${record.id}); it is refused from its next request.`
      : `Limits for ${record.name} (${record.id}): ${describeLimits(record.limits)}.`,
  );
  return 0;
}

async function usageReportAsync({ values, now: clockNow, open, print }: AdminCommandContext): Promise<number> {
  const days = Number(values.days ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError('--days is a whole number, 1 to 366.');
  const now = clockNow();
  // The month's projection may need days before the report's first, as the admin page's does (routes/admin-api.ts).
  const groups = await (
    await open()
  ).usageGroups(Math.min(utcDayStart(now) - (days - 1) * DAY_MS, projectionSince(now)));
  const report = buildUsageReport(groups, reportDays(now, days));
  const projection = projectMonth(groups, now);
  print({ ...report, projection }, usageTable(report, days, projection));
  return 0;
}
