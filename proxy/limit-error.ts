/**
 * A refused request in plain words: which limit, how much of it is used, and when it resets, with `Retry-After`
 * in seconds. Daily images and requests per minute answer 429 `limit_reached`; the monthly budget 402
 * `budget_exhausted`.
 */
import { formatUsd } from '../core/cost-estimate.js';
import { describeDuration, describeReset } from '../core/usage-periods.js';
import { ProxyError } from './proxy-error.js';
import type { LimitRefusal } from './store/store.js';

export function limitError(refusal: LimitRefusal, now: number): ProxyError {
  const wait = Math.max(1, refusal.retryAt - now);
  const headers = { 'Retry-After': String(Math.ceil(wait / 1000)) };
  const { allowed, used, requested } = refusal;
  switch (refusal.limit) {
    case 'daily_images': {
      const resets = `Your limit resets ${describeReset(now, refusal.retryAt)}.`;
      const inFlight = Math.min(used, refusal.inFlight ?? 0);
      if (inFlight === 0) {
        return new ProxyError(
          'limit_reached',
          `You have used your ${allowed} ${allowed === 1 ? 'image' : 'images'} for today. ${resets}`,
          { headers },
        );
      }
      // Never claim images were made that were not: some of the limit is held by requests still in flight (or
      // left by a proxy that stopped mid-request, given back when it is settled).
      return new ProxyError(
        'limit_reached',
        `Your ${allowed} ${allowed === 1 ? 'image for today is' : 'images for today are'} taken: ${used - inFlight} made and ${inFlight} still in progress. If none of your requests is running, the proxy was restarted mid-request and gives ${inFlight === 1 ? 'that image' : 'those images'} back within a few minutes. ${resets}`,
        { headers },
      );
    }
    case 'monthly_usd': {
      const resets = `Your budget resets ${describeReset(now, refusal.retryAt)}.`;
      const left = Math.max(0, allowed - used);
      const message =
        left < 0.005
          ? `You have used your ${formatUsd(allowed)} budget for this month. ${resets}`
          : `This request would cost about ${formatUsd(requested)}, and only ${formatUsd(left)} of your ${formatUsd(allowed)} budget for this month is left. Try a smaller size, or wait: ${resets[0]!.toLowerCase()}${resets.slice(1)}`;
      return new ProxyError('budget_exhausted', message, { headers });
    }
    case 'rpm':
      return new ProxyError(
        'limit_reached',
        `You have sent ${allowed} ${allowed === 1 ? 'request' : 'requests'} in the last minute, your limit. Try again in ${describeDuration(wait)}.`,
        { headers },
      );
  }
}
