/**
 * The outcome of anything that can fail across a boundary: a value, or an {@link AppError} with a stable code.
 * Failures are data (docs/contributing.md#failures-are-data), so these cross postMessage and function calls alike.
 */
import type { AppError } from './errors.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** A successful {@link Result}. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function fail(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error };
}
