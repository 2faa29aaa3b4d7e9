/**
 * Error codes shared by the sandbox, the panel and the proxy, with the plain words a designer sees.
 * Codes are stable snake_case (docs/architecture.md#one-error-table); messages say what happened and what to do next.
 */

/** Every error code any part of Banana Studio can report, with its HTTP status when the proxy sends it. */
export const ERROR_STATUS = {
  bad_request: 400,
  unknown_model: 400,
  model_unavailable: 410,
  unsupported_parameter: 400,
  too_many_images: 400,
  unauthorized: 401,
  budget_exhausted: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_too_large: 413,
  image_too_large: 413,
  unsupported_image: 415,
  safety_blocked: 422,
  no_image_returned: 422,
  replay_rejected: 409,
  limit_reached: 429,
  upstream_rate_limited: 429,
  cancelled: 499,
  internal_error: 500,
  upstream_error: 502,
  upstream_rejected: 502,
  upstream_auth_failed: 502,
  upstream_unavailable: 503,
  proxy_busy: 503,
  upstream_timeout: 504,
  // Raised inside the plugin or panel, never sent by the proxy; 0 means "no HTTP status".
  proxy_unreachable: 0,
  connection_dropped: 0,
  stale_node: 0,
  corrupt_history: 0,
  nothing_selected: 0,
  bad_message: 0,
  sandbox_timeout: 0,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The error shape that crosses every boundary: a stable code and a message a person can act on. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /**
   * For a call that reached Gemini and failed or was cancelled: what Google may bill for it anyway, in US dollars
   * (the estimate, or the cost Gemini reported). The panel shows it with the error.
   */
  mayHaveBilledUsd?: number;
  /**
   * For a refusal that asks the client to come back later (429, 503): the proxy's `Retry-After`, in seconds. The
   * batch's pool waits it out (core/batch-pool.ts).
   */
  retryAfterSeconds?: number;
}

/** Default plain-words message for each code, used when nothing more specific is known. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  bad_request: 'The request was not understood. Check the prompt and settings, then try again.',
  unknown_model: 'That model is not available on this proxy. Pick another model from the list.',
  model_unavailable: 'That model is no longer available to this team. Pick another model from the list.',
  unsupported_parameter: 'That setting is not supported by this model. Pick another aspect ratio or size.',
  too_many_images: 'Too many images for this model. Remove some reference images and try again.',
  unauthorized: 'Your team token was not accepted. Check it in Settings, or ask your admin for a new one.',
  budget_exhausted: 'Your monthly budget is used up. Ask your admin to raise it, or wait until it resets.',
  forbidden: 'You are not allowed to do that with this token.',
  not_found: 'There is nothing at that address. Check the proxy URL in Settings.',
  method_not_allowed: 'That address does not accept this kind of request.',
  request_too_large: 'The request is too large. Use a smaller frame or fewer reference images.',
  image_too_large: 'An image is too large. Use a smaller frame or a lower export scale.',
  unsupported_image: 'An image is in a format Banana Studio cannot read. Use PNG or JPEG.',
  safety_blocked: "Gemini's safety filters blocked this request. Rephrase the prompt and try again.",
  no_image_returned: 'Gemini answered without an image. Try again, or make the prompt more specific.',
  replay_rejected:
    'Gemini would not continue from its own earlier turns (their thought signatures were refused). Generate again: the turn is then sent with the selected image instead.',
  limit_reached: 'You have reached a usage limit. Wait a little and try again.',
  upstream_rate_limited: 'Gemini is rate-limiting the team right now. Wait a moment and try again.',
  cancelled: 'The request was cancelled. Nothing was added to the canvas.',
  internal_error: 'Something went wrong inside the proxy. Try again; if it keeps happening, tell your admin.',
  upstream_error: 'Gemini returned an error. Try again in a moment.',
  upstream_rejected: 'Gemini rejected the request. Try another prompt, model or setting.',
  upstream_auth_failed: "The proxy's Gemini credentials were rejected. Ask your admin to check the proxy's key.",
  upstream_unavailable: 'Gemini is overloaded or unavailable right now. Try again in a minute.',
  proxy_busy: 'The team proxy has too many requests waiting right now. Try again in a minute.',
  upstream_timeout: 'Gemini took too long to answer. Try again, or use a smaller size.',
  proxy_unreachable: 'Could not reach the Banana Studio proxy. Check your connection and the proxy URL in Settings.',
  connection_dropped:
    'The connection to the proxy dropped during the request, so nothing was added. Gemini may still bill it. Try again.',
  stale_node: 'The layer was deleted or moved to another page. Select it again and retry.',
  corrupt_history:
    "This layer's history is damaged; it can still be used as an image, but earlier turns are unavailable.",
  nothing_selected: 'Select a frame or layer first.',
  bad_message: 'The plugin received a message it did not understand. Reload the plugin.',
  sandbox_timeout: 'Figma did not answer the panel in time. Close and reopen the plugin, then try again.',
};

/** Builds an {@link AppError}, with the code's default message unless a more specific one is given. */
export function appError(code: ErrorCode, message?: string): AppError {
  return { code, message: message ?? ERROR_MESSAGES[code] };
}

/** True for values shaped like an {@link AppError} with a known code. */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, mayHaveBilledUsd } = value as Record<string, unknown>;
  return (
    isErrorCode(code) &&
    typeof message === 'string' &&
    (mayHaveBilledUsd === undefined || (typeof mayHaveBilledUsd === 'number' && mayHaveBilledUsd >= 0))
  );
}

/** True for a known error code (own keys only, so `toString` or `constructor` are not codes). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/** The HTTP status the proxy answers with for a code (500 for codes that never cross HTTP). */
export function statusForCode(code: ErrorCode): number {
  const status = ERROR_STATUS[code];
  return status === 0 ? 500 : status;
}
