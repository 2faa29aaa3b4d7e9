/**
 * What any error thrown while serving a request answers as, in one place: the error envelope (`app.ts` `onError`)
 * and the outcome of a generate request's usage row (`routes/generate.ts`) both take their code from here, so the
 * row always says what the client was told.
 */
import { HTTPException } from 'hono/http-exception';
import { ProxyError } from './proxy-error.js';
import { StoreUnavailableError } from './store/store.js';

/** What a client is asked to wait while the database is away: a restart takes seconds. */
const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * The `ProxyError` an error answers as: itself when it is one; `proxy_busy` with `Retry-After` while the database
 * is away; Hono's own refusals by their status; anything else `internal_error`, naming the request id so an admin
 * can find the log line (never the error's own text, which may hold anything).
 */
export function toProxyError(error: unknown, requestId: string): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof StoreUnavailableError) {
    return new ProxyError(
      'proxy_busy',
      'The team proxy cannot reach its database right now. Try again in a few seconds; if it keeps happening, tell your admin.',
      { headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof HTTPException) {
    return new ProxyError(error.status === 413 ? 'request_too_large' : 'bad_request', undefined, {
      status: error.status,
    });
  }
  return new ProxyError(
    'internal_error',
    `Something went wrong inside the proxy (request ${requestId}). Try again; if it keeps happening, tell your admin.`,
  );
}
