/**
 * What this month will cost at the current pace, for the admin page's cost view: the month to date, plus the daily
 * average of the last 7 full days times the days left after today. UTC days, as every limit counts them
 * (core/usage-periods.ts). The page states the method beside the figure, so a team lead can check it by hand.
 */
import { roundUsd } from './models.js';
import type { UsageGroup } from './usage-report.js';
import { DAY_MS, utcDayKey, utcDayStart, utcMonthStart, utcNextMonthStart } from './usage-periods.js';

/** Days the daily average is taken over: the last full week, so one busy or idle day moves it little. */
export const PROJECTION_AVERAGE_DAYS = 7;

/** The month's projection and the figures it is made of. */
export interface MonthProjection {
  /** The UTC month, `YYYY-MM`. */
  month: string;
  /** Cost from the 1st (00:00 UTC) to now. */
  monthToDateUsd: number;
  /** Of it, what requests sent in Batch API jobs cost. */
  monthToDateBatchUsd: number;
  /** What cache hits this month would have cost. */
  monthToDateSavedUsd: number;
  /** Average cost per day over the {@link PROJECTION_AVERAGE_DAYS} full days before today. */
  dailyAverageUsd: number;
  /** Days of the month after today. */
  daysLeft: number;
  /** `monthToDateUsd + dailyAverageUsd × daysLeft`. */
  projectedUsd: number;
}

/** The projection at `now` from usage groups that cover at least the month so far and the last 7 full days. */
export function projectMonth(groups: readonly UsageGroup[], now: number): MonthProjection {
  const today = utcDayStart(now);
  const monthStart = utcDayKey(utcMonthStart(now));
  const todayKey = utcDayKey(today);
  const averageFrom = utcDayKey(today - PROJECTION_AVERAGE_DAYS * DAY_MS);
  let monthToDate = 0;
  let batch = 0;
  let saved = 0;
  let lastDays = 0;
  for (const g of groups) {
    if (g.day >= monthStart && g.day <= todayKey) {
      monthToDate += g.costUsd;
      batch += g.batchCostUsd;
      saved += g.savedUsd;
    }
    if (g.day >= averageFrom && g.day < todayKey) lastDays += g.costUsd;
  }
  const daysLeft = Math.round((utcNextMonthStart(now) - today) / DAY_MS) - 1;
  const dailyAverage = lastDays / PROJECTION_AVERAGE_DAYS;
  return {
    month: todayKey.slice(0, 7),
    monthToDateUsd: roundUsd(monthToDate),
    monthToDateBatchUsd: roundUsd(batch),
    monthToDateSavedUsd: roundUsd(saved),
    dailyAverageUsd: roundUsd(dailyAverage),
    daysLeft,
    projectedUsd: roundUsd(monthToDate + dailyAverage * daysLeft),
  };
}

/** The first moment the projection needs usage from: the 1st of the month or 7 full days ago, whichever is earlier. */
export function projectionSince(now: number): number {
  return Math.min(utcMonthStart(now), utcDayStart(now) - PROJECTION_AVERAGE_DAYS * DAY_MS);
}
