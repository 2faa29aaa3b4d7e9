/**
 * How ui/proxy-client.ts reads what the proxy answered: the body as JSON, the error envelope (or a code that fits the
 * HTTP status), the `Retry-After` of a refusal, and why a call it stopped itself ended. Pure.
 */
import { appError, type AppError, type ErrorCode } from '../core/errors.js';
import { errorEnvelopeSchema } from '../core/proxy-schema.js';

/** A call the client stopped: Cancel, or its own timeout. */
export function stopError(reason: 'cancelled' | 'timeout', timeoutMs: number): AppError {
  if (reason === 'cancelled') return appError('cancelled');
  return appError(
    'upstream_timeout',
    `The proxy did not answer within ${Math.round(timeoutMs / 1000)} s. Try again, or use a smaller size.`,
  );
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The refusal with the proxy's `Retry-After` (whole seconds: proxy/limit-error.ts), when it sent one. */
export function withRetryAfter(error: AppError, response: Response): AppError {
  const header = response.headers.get('Retry-After');
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
  return seconds === null ? error : { ...error, retryAfterSeconds: seconds };
}

/** The proxy's own error envelope when there is one; otherwise a code that fits the HTTP status. */
export function errorFromResponse(status: number, body: unknown): AppError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, mayHaveBilledUsd } = envelope.data.error;
    // What Gemini may still bill for this failed call travels with the error, so the panel can show it.
    return { ...appError(code, message || undefined), ...(mayHaveBilledUsd ? { mayHaveBilledUsd } : {}) };
  }
  const code: ErrorCode =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 429
            ? 'limit_reached'
            : status === 503
              ? 'upstream_unavailable'
              : status === 504
                ? 'upstream_timeout'
                : 'upstream_error';
  return code === 'upstream_error'
    ? appError(code, `The proxy answered HTTP ${status} without an explanation. Check the proxy URL in Settings.`)
    : appError(code);
}
