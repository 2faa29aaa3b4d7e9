/** One mapping from a thrown value to what the client is told (`proxy/to-proxy-error.ts`). */
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../../proxy/proxy-error.js';
import { StoreUnavailableError } from '../../proxy/store/store.js';
import { toProxyError } from '../../proxy/to-proxy-error.js';

describe('toProxyError', () => {
  it('keeps a ProxyError as it is', () => {
    const error = new ProxyError('limit_reached', 'no more today');
    expect(toProxyError(error, 'req-1')).toBe(error);
  });

  it.each<[string, unknown, string, number, Record<string, string>]>([
    ['the database away', new StoreUnavailableError('connection refused'), 'proxy_busy', 503, { 'Retry-After': '5' }],
    ['Hono’s 413', new HTTPException(413), 'request_too_large', 413, {}],
    ['Hono’s 400', new HTTPException(400), 'bad_request', 400, {}],
    ['anything else', new TypeError('x is undefined'), 'internal_error', 500, {}],
    ['a thrown string', 'boom', 'internal_error', 500, {}],
  ])('%s', (_name, error, code, status, headers) => {
    const mapped = toProxyError(error, 'req-1');
    expect([mapped.code, mapped.status, mapped.headers]).toEqual([code, status, headers]);
  });

  it('names the request id for the unexpected, never the error’s own text', () => {
    const mapped = toProxyError(new Error('secret AIza-key in a stack'), 'req-42');
    expect(mapped.message).toContain('request req-42');
    expect(mapped.message).not.toContain('AIza');
  });
});
