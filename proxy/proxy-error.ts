import { appError, statusForCode, type AppError, type ErrorCode } from '../core/errors.js';

/**
 * The one error type the proxy throws on purpose. `app.onError` turns it into the envelope
 * `{ "error": { "code", "message", "mayHaveBilledUsd"? } }` with its status and headers (e.g. `Retry-After`).
 */
export class ProxyError extends Error {
  override name = 'ProxyError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Seconds Google asked us to wait (`google.rpc.RetryInfo`), when it said; retries honour it. */
  readonly upstreamRetryDelaySeconds: number | null;
  /** Set once the call is known to have reached Gemini: what Google may bill for it (sent in the envelope). */
  mayHaveBilledUsd: number | null = null;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { status?: number; headers?: Record<string, string>; upstreamRetryDelaySeconds?: number | null } = {},
  ) {
    const error = appError(code, message);
    super(error.message);
    this.code = code;
    this.status = options.status ?? statusForCode(code);
    this.headers = options.headers ?? {};
    this.upstreamRetryDelaySeconds = options.upstreamRetryDelaySeconds ?? null;
  }

  toJSON(): { error: AppError } {
    const billed = this.mayHaveBilledUsd !== null && this.mayHaveBilledUsd > 0 ? this.mayHaveBilledUsd : null;
    return {
      error: { code: this.code, message: this.message, ...(billed !== null ? { mayHaveBilledUsd: billed } : {}) },
    };
  }
}
