/**
 * What the panel's footer says a designer has left (`GET /v1/usage/me`, core/proxy-schema.ts): images today against
 * the daily limit, and budget this month against the monthly one, or what was spent where there is no limit. Pure.
 */
import { formatUsd } from './cost-estimate.js';
import type { UsageMeResponse } from './proxy-schema.js';

/** "47 of 50 images left today · $3.20 of $20.00 left this month", or "3 images today · $0.20 spent today". */
export function usageLeftLine(usage: UsageMeResponse): string {
  const { day, month } = usage;
  const images =
    day.remainingImages === null || day.limitImages === null
      ? `${day.images} image${day.images === 1 ? '' : 's'} today, no daily limit`
      : `${day.remainingImages} of ${day.limitImages} image${day.limitImages === 1 ? '' : 's'} left today`;
  const budget =
    month.remainingUsd === null || month.limitUsd === null
      ? `${formatUsd(day.costUsd)} spent today`
      : `${formatUsd(month.remainingUsd)} of ${formatUsd(month.limitUsd)} left this month`;
  return `${images} · ${budget}`;
}
