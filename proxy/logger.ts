/**
 * Structured logs: one JSON line per request. Only fields named here are ever written, so a key, a token, a
 * prompt or an image cannot end up in a log by accident.
 */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  tokenName?: string;
  model?: string;
  outcome?: string;
  costUsd?: number;
  cached?: boolean;
}

export type LogLine = (line: string) => void;

/** A logger writing one JSON object per line to `write` (stdout in the server, an array in tests). */
export function createRequestLogger(write: LogLine): (entry: RequestLogEntry) => void {
  return (entry) => {
    const { requestId, method, path, status, ms, tokenName, model, outcome, costUsd, cached } = entry;
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
        outcome,
        costUsd,
        cached,
      }),
    );
  };
}
