import type { IncomingMessage } from 'node:http';

/** What the double remembers of each call, so tests can assert what the proxy really sent. */
export interface RecordedRequest {
  method: string;
  /** The URL path, without the query. */
  path: string;
  /** The query string with its `?` (e.g. `?alt=sse`), or `''`; a `key=` value is masked. */
  search: string;
  /** Request headers, lowercased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The parsed JSON body; null when there was none or it was not JSON. Set once the body has arrived. */
  body: unknown;
  /** The HTTP status the double answered with; null until it answers (or when it never did). */
  status: number | null;
  /** The client went away before the answer was complete (an abort, a timeout, or a hang ended). */
  aborted: boolean;
  /** The double cut the connection on purpose (`[double:drop]`). */
  dropped: boolean;
  /** Milliseconds from arrival until the answer ended or the client left; null while in flight. */
  durationMs: number | null;
}

/**
 * The record of a call as it arrives: method, decoded path, query (a `key=` value masked), headers; the rest is
 * filled in as the call goes on. Shared by the double and the recordings' replay server, so both remember calls alike.
 */
export function recordRequest(request: IncomingMessage): RecordedRequest {
  const url = new URL(request.url ?? '/', 'http://double.invalid');
  return {
    method: request.method ?? 'GET',
    path: safeDecode(url.pathname),
    search: url.search.replace(/([?&]key=)[^&]*/, '$1…'),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    ),
    body: null,
    status: null,
    aborted: false,
    dropped: false,
    durationMs: null,
  };
}

/** `decodeURIComponent`, or the text as it came when it is not valid percent-encoding. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
