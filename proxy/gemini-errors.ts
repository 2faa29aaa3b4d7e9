/**
 * Turns what the Gemini SDK throws into a `ProxyError` a designer can act on. Google sends its errors as JSON
 * (`{"error":{"code","message","status","details"}}`); the SDK puts that text in `ApiError.message`, or wraps a
 * non-JSON body as `{"error":{"message":"<raw text>",…}}` (docs/gemini-platform.md#sdk-errors): both forms are
 * parsed by `google-error-body.ts`.
 */
import { parseGoogleError, retryDelaySeconds } from './google-error-body.js';
import { ProxyError } from './proxy-error.js';
import { scrubSecrets } from './scrub-secrets.js';

/**
 * Gemini's 400 for a replayed model turn it will not take: "Image part is missing a thought_signature in content
 * position 2, part position 1." (docs/gemini-platform.md#thought-signatures) or "Invalid thought signature" after a model switch.
 */
const THOUGHT_SIGNATURE_REFUSAL = /thought[_ ]signature/i;

/** Default wait we ask for when Google says "slow down" without saying how long. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Maps an upstream failure with an HTTP status to a ProxyError. `secrets` are scrubbed from any text we pass on,
 * so a message that quotes the request can never echo the key.
 */
export function upstreamError(status: number, rawMessage: string, secrets: readonly string[]): ProxyError {
  const body = parseGoogleError(rawMessage);
  const googleText = scrub(body?.message ?? '', secrets).slice(0, 300);
  const reasons = body?.details?.map((d) => d.reason).filter(Boolean) ?? [];
  if (reasons.includes('API_KEY_INVALID') || status === 401 || status === 403) {
    return new ProxyError(
      'upstream_auth_failed',
      status === 403
        ? "Gemini refused the proxy's credentials (permission denied or API not enabled). Ask your admin to check the proxy's Google project."
        : "The proxy's Gemini key was rejected. Ask your admin to check the key the proxy is configured with.",
    );
  }
  if (status === 429) {
    const told = retryDelaySeconds(body);
    const seconds = told ?? DEFAULT_RETRY_AFTER_SECONDS;
    return new ProxyError(
      'upstream_rate_limited',
      `Gemini is rate-limiting the team's key right now. Wait about ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
      { headers: { 'Retry-After': String(seconds) }, upstreamRetryDelaySeconds: told },
    );
  }
  if (status === 404) {
    // The key cannot reach the model (retired, or limited to older keys): generate.ts names the replacement.
    return new ProxyError(
      'model_unavailable',
      'Gemini no longer offers this model to the team. Pick another model from the list.',
    );
  }
  if (status === 400 && THOUGHT_SIGNATURE_REFUSAL.test(body?.message ?? rawMessage)) {
    // The replayed history was refused, not the request: the panel sends the turn again stateless.
    return new ProxyError('replay_rejected');
  }
  if (status === 400) {
    const detail = googleText ? ` Gemini said: "${googleText}"` : '';
    return new ProxyError(
      'upstream_rejected',
      `Gemini rejected the request.${detail} Try another prompt, model or setting.`,
    );
  }
  if (status === 503) {
    return new ProxyError('upstream_unavailable', undefined, { upstreamRetryDelaySeconds: retryDelaySeconds(body) });
  }
  if (status === 504) return new ProxyError('upstream_timeout');
  return new ProxyError(
    'upstream_error',
    `Gemini had an internal error (HTTP ${status}). Try again in a moment; nothing was added to your canvas.`,
    { upstreamRetryDelaySeconds: retryDelaySeconds(body) },
  );
}

/** Replaces each secret, and any piece of one of 8 characters or more in any letter case, with a placeholder. */
export function scrub(text: string, secrets: readonly string[]): string {
  return scrubSecrets(text, secrets);
}
