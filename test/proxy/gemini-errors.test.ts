import { describe, expect, it } from 'vitest';
import { scrub, upstreamError } from '../../proxy/gemini-errors.js';
import { parseGoogleError, retryDelaySeconds } from '../../proxy/google-error-body.js';

const body = (error: object): string => JSON.stringify({ error });
const rateLimited = body({
  code: 429,
  message: 'You exceeded your current quota, please check your plan and billing details.',
  status: 'RESOURCE_EXHAUSTED',
  details: [
    { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s' },
  ],
});
const badKey = body({
  code: 400,
  message: 'API key not valid. Please pass a valid API key.',
  status: 'INVALID_ARGUMENT',
  details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
});

describe('parseGoogleError', () => {
  it.each([
    ['a JSON body', rateLimited, 'RESOURCE_EXHAUSTED'],
    [
      'a body after a prefix',
      `got status: INTERNAL. ${body({ code: 500, message: 'x', status: 'INTERNAL' })}`,
      'INTERNAL',
    ],
    // A non-JSON body wrapped by the SDK whose text is itself a Google error (docs/gemini-platform.md#sdk-errors).
    [
      'a wrapped body',
      JSON.stringify({ error: { message: rateLimited, code: 429, status: 'Too Many Requests' } }),
      'RESOURCE_EXHAUSTED',
    ],
    ['a wrapped plain text', JSON.stringify({ error: { message: 'upstream connect error', code: 503 } }), undefined],
  ])('reads %s', (_name, message, status) => {
    expect(parseGoogleError(message)?.status).toBe(status);
  });

  it.each([['plain text'], ['{broken json'], ['[1,2]'], ['{"error": "a string"}']])('gives null for %j', (m) => {
    expect(parseGoogleError(m)).toBeNull();
  });
});

describe('retryDelaySeconds', () => {
  it.each([
    ['26s', 26],
    ['1.5s', 2],
    ['0s', 1],
    ['soon', null],
  ])('%s → %s', (delay, seconds) => {
    expect(
      retryDelaySeconds({ details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay }] }),
    ).toBe(seconds);
  });
});

describe('upstreamError', () => {
  it.each([
    // status, body, code, HTTP status, Retry-After
    [429, rateLimited, 'upstream_rate_limited', 429, '26'],
    [
      429,
      body({ code: 429, message: 'Resource has been exhausted (e.g. check quota).' }),
      'upstream_rate_limited',
      429,
      '30',
    ],
    [400, badKey, 'upstream_auth_failed', 502, undefined],
    [
      403,
      body({ code: 403, status: 'PERMISSION_DENIED', message: 'API has not been used' }),
      'upstream_auth_failed',
      502,
      undefined,
    ],
    [400, body({ code: 400, message: 'Request contains an invalid argument.' }), 'upstream_rejected', 502, undefined],
    // A replayed model turn Gemini will not take (docs/gemini-platform.md#thought-signatures): the panel sends it again
    // stateless.
    [
      400,
      body({
        code: 400,
        message: 'Image part is missing a thought_signature in content position 2, part position 1.',
        status: 'INVALID_ARGUMENT',
      }),
      'replay_rejected',
      409,
      undefined,
    ],
    [
      400,
      body({ code: 400, message: 'Invalid thought signature in content position 2, part position 1.' }),
      'replay_rejected',
      409,
      undefined,
    ],
    // The same words in an SSE-wrapped body.
    [
      400,
      JSON.stringify({
        error: {
          message: body({ code: 400, message: 'Text part is missing a thought_signature in content position 2.' }),
          code: 400,
        },
      }),
      'replay_rejected',
      409,
      undefined,
    ],
    [404, body({ code: 404, message: 'models/x is not found' }), 'model_unavailable', 410, undefined],
    [500, body({ code: 500, message: 'An internal error has occurred.' }), 'upstream_error', 502, undefined],
    [503, body({ code: 503, message: 'The model is overloaded.' }), 'upstream_unavailable', 503, undefined],
    [504, body({ code: 504, status: 'DEADLINE_EXCEEDED' }), 'upstream_timeout', 504, undefined],
  ] as const)('HTTP %i → %s', (status, message, code, httpStatus, retryAfter) => {
    const error = upstreamError(status, message, []);
    expect(error.code).toBe(code);
    expect(error.status).toBe(httpStatus);
    expect(error.headers['Retry-After']).toBe(retryAfter);
    expect(error.message).toMatch(/\.$/);
  });

  it('never passes the key on, even when Google quotes it', () => {
    const key = 'AIzaSyTHIS-IS-THE-SECRET-KEY';
    const error = upstreamError(400, body({ code: 400, message: `Invalid value for key ${key}` }), [key]);
    expect(error.message).not.toContain(key);
    expect(error.message).toContain('[redacted]');
    expect(upstreamError(400, badKey.replace('API key not valid', key), [key]).message).not.toContain(key);
  });

  it('scrubs every secret and ignores trivially short ones', () => {
    expect(scrub('a-secret and a-secret', ['a-secret'])).toBe('[redacted] and [redacted]');
    expect(scrub('abc', ['ab'])).toBe('abc');
  });
});
