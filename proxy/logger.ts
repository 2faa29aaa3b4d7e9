/**
 * Structured logs: one JSON line per request. Only fields named here are ever written, so a key, a token or an
 * image cannot end up in a log by accident; a prompt's text only when the admin turned `BANANA_LOG_PROMPTS` on,
 * and then truncated to {@link MAX_LOGGED_PROMPT_CHARS}.
 */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  tokenName?: string;
  model?: string;
  imageSize?: string;
  outcome?: string;
  costUsd?: number;
  cached?: boolean;
  /** Upstream calls made for this request, retries included. */
  attempts?: number;
  /** Only with `BANANA_LOG_PROMPTS=true`, already truncated. */
  prompt?: string;
  /** Store work that failed without failing the request (`cache_read_failed`, `cache_write_failed`, …). */
  fault?: string;
}

/** Longest prompt text written to a log line when prompt logging is on. */
export const MAX_LOGGED_PROMPT_CHARS = 200;

export type LogLine = (line: string) => void;

/** A prompt as it may be logged: trimmed to {@link MAX_LOGGED_PROMPT_CHARS}, with an ellipsis when cut. */
export function truncatePrompt(prompt: string): string {
  return prompt.length > MAX_LOGGED_PROMPT_CHARS ? `${prompt.slice(0, MAX_LOGGED_PROMPT_CHARS)}…` : prompt;
}

/** A logger writing one JSON object per line to `write` (stdout in the server, an array in tests). */
export function createRequestLogger(write: LogLine): (entry: RequestLogEntry) => void {
  return (entry) => {
    const { requestId, method, path, status, ms, tokenName, model, imageSize, outcome, costUsd, cached } = entry;
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        requestId,
        method,
        path,
        status,
        ms,
        tokenName,
        model,
        imageSize,
        outcome,
        costUsd,
        cached,
        attempts: entry.attempts,
        prompt: entry.prompt,
        fault: entry.fault,
      }),
    );
  };
}
