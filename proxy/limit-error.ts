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
    case 'daily_images':
      return new ProxyError(
        'limit_reached',
        `You have used your ${allowed} ${allowed === 1 ? 'image' : 'images'} for today. Your limit resets ${describeReset(now, refusal.retryAt)}.`,
        { headers },
      );
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
