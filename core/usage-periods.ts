/**
 * The windows a team's limits count in, all in UTC so every proxy instance and every designer agrees on them:
 * a day from 00:00 UTC, a month from the 1st at 00:00 UTC, a minute as the last 60 seconds. Times are
 * milliseconds since the epoch (what an injected clock returns), so tests can stand on any boundary.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 00:00 UTC of the day that holds `ms`. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** 00:00 UTC of the next day: when a daily limit resets. */
export function utcNextDayStart(ms: number): number {
  return utcDayStart(ms) + DAY_MS;
}

/** 00:00 UTC on the 1st of the month that holds `ms`. */
export function utcMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** 00:00 UTC on the 1st of the next month: when a monthly budget resets. */
export function utcNextMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** `YYYY-MM-DD` of the UTC day that holds `ms`: how usage is grouped per day. */
export function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A wait in plain words, never "0 min": `23 s`, `45 min`, `3 h 12 min`, `3 h`, `12 days`. Minutes round up, so
 * the words never promise a reset earlier than it happens.
 */
export function describeDuration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND_MS));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = Math.round(ms / DAY_MS);
  return `${days} days`;
}

/**
 * When a limit resets, as words that follow "resets": `at 00:00 UTC (in 3 h 12 min)` when that is within the
 * next day, else `on 1 December at 00:00 UTC (in 12 days)`.
 */
export function describeReset(now: number, resetsAt: number): string {
  const d = new Date(resetsAt);
  const clock = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
  const when = resetsAt - now <= DAY_MS ? `at ${clock}` : `on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} at ${clock}`;
  return `${when} (in ${describeDuration(resetsAt - now)})`;
}
