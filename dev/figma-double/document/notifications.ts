/**
 * `figma.notify` (docs/figma-platform.md#conventions): recorded instead of shown. "The message ... is limited to 100
 * characters. Longer messages will be truncated."
 */

/** One notification as the double saw it. */
export interface NotificationRecord {
  message: string;
  timeout: number;
  error: boolean;
  buttonText: string | null;
  cancelled: boolean;
}

/** Longest message Figma shows. */
export const NOTIFY_MAX_CHARS = 100;

/** Records a notification and returns its handler (cancel marks it and calls `onDequeue('dismiss')`). */
export function recordNotification(
  records: NotificationRecord[],
  message: string,
  options: NotificationOptions = {},
): NotificationHandler {
  const record: NotificationRecord = {
    message: String(message).slice(0, NOTIFY_MAX_CHARS),
    timeout: options.timeout ?? 3000,
    error: options.error === true,
    buttonText: options.button?.text ?? null,
    cancelled: false,
  };
  records.push(record);
  return {
    cancel: () => {
      if (record.cancelled) return;
      record.cancelled = true;
      options.onDequeue?.('dismiss');
    },
  };
}
