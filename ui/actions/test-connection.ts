/**
 * Settings' **Test connection**: with the URL and token as typed (not yet saved), asks the proxy `GET /health`, then
 * `GET /v1/usage/me` with the token, and says which part is wrong or what is left today (core/connection-report.ts).
 * Changes nothing: neither the saved settings nor the canvas.
 */
import { buildMayReach, notAllowedMessage } from '../../core/build-may-reach.js';
import { BUILD_TARGET } from '../../core/build-target.js';
import { reportConnection, type ConnectionReport } from '../../core/connection-report.js';
import { proxyBaseUrl, proxyUrlProblem, type Settings } from '../../core/settings.js';
import type { AppDeps } from './deps.js';

/** The report for the typed settings. */
export async function testConnectionAsync(deps: AppDeps, draft: Settings): Promise<ConnectionReport> {
  const urlProblem = proxyUrlProblem(draft.proxyUrl);
  if (urlProblem) return { ok: false, part: 'url', message: urlProblem };
  const typed = { proxyUrl: draft.proxyUrl.trim(), token: draft.token.trim() };
  const base = proxyBaseUrl(typed);
  const client = deps.proxyFor(typed);
  const health = await client.getHealth();
  const unreachable = !health.ok && health.error.code === 'proxy_unreachable';
  const mayReach = buildMayReach(BUILD_TARGET, base);
  const answersWithoutCors = unreachable && mayReach ? await client.answersWithoutCorsAsync() : null;
  const usage = health.ok && typed.token !== '' ? await client.getUsage() : null;
  return reportConnection({
    base,
    hasToken: typed.token !== '',
    mayReach,
    notAllowedMessage: notAllowedMessage(BUILD_TARGET, base),
    health,
    answersWithoutCors,
    usage,
  });
}
