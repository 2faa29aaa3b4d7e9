/**
 * Google's error JSON (`{"error":{"code","message","status","details"}}`) as the Gemini SDK hands it on: inside
 * `ApiError.message`, or with a non-JSON body wrapped once more as `{"error":{"message":"<raw text>",…}}`
 * (docs/gemini-platform.md#sdk-errors). Read here: the body, and the wait a `RetryInfo` detail asks for.
 */
/** The `error` object of Google's error JSON: the fields the proxy reads. */
export interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; reason?: string; retryDelay?: string }[];
}

/** The `error` object inside an SDK error message, or null when it holds none. */
export function parseGoogleError(message: string): GoogleErrorBody | null {
  const start = message.indexOf('{');
  if (start < 0) return null;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: GoogleErrorBody };
    if (typeof parsed.error !== 'object' || parsed.error === null) return null;
    // A non-JSON upstream body arrives wrapped once more: its message may itself be a JSON error.
    const inner = typeof parsed.error.message === 'string' ? parseGoogleError(parsed.error.message) : null;
    return inner ?? parsed.error;
  } catch {
    return null;
  }
}

/** Seconds to wait from a `google.rpc.RetryInfo` detail (`"26s"`, `"1.5s"`), or null. */
export function retryDelaySeconds(body: GoogleErrorBody | null): number | null {
  const info = body?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
  const match = info?.retryDelay ? /^(\d+(?:\.\d+)?)s$/.exec(info.retryDelay) : null;
  return match ? Math.max(1, Math.ceil(Number(match[1]))) : null;
}
