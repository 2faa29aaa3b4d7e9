import { describe, expect, it } from 'vitest';
import { reportConnection, type ConnectionFacts } from '../../core/connection-report.js';
import { appError } from '../../core/errors.js';
import type { UsageMeResponse } from '../../core/proxy-schema.js';
import { fail, ok } from '../../core/result.js';

const base = 'https://banana.example.com';
const usage = (remainingImages: number | null): UsageMeResponse => ({
  token: { id: 't1', name: 'dana' },
  now: '2026-03-04T05:06:07.000Z',
  day: { start: '', resetsAt: '', images: 3, cachedImages: 0, costUsd: 0.2, limitImages: 50, remainingImages },
  month: { start: '', resetsAt: '', images: 3, cachedImages: 0, costUsd: 0.2, limitUsd: null, remainingUsd: null },
  requestsPerMinute: null,
});
const facts = (more: Partial<ConnectionFacts>): ConnectionFacts => ({
  base,
  hasToken: true,
  mayReach: true,
  notAllowedMessage: 'Could not reach it: this build may only reach https://other.example.',
  health: ok({ status: 'ok', mode: 'gemini', version: '1' }),
  answersWithoutCors: null,
  usage: ok(usage(47)),
  ...more,
});
const unreachable = fail(appError('proxy_unreachable'));

describe('Test connection says which part is wrong', () => {
  it('is Connected with the mode and what is left today', () => {
    expect(reportConnection(facts({}))).toEqual({
      ok: true,
      part: null,
      message: 'Connected: Gemini API, 47 images left today.',
    });
    expect(reportConnection(facts({ usage: ok(usage(null)) })).message).toBe(
      'Connected: Gemini API, no daily image limit.',
    );
    expect(reportConnection(facts({ usage: ok(usage(1)) })).message).toMatch(/1 image left today/);
  });

  it('tells nothing there, a server that refuses the panel (CORS), and an address the build may not call', () => {
    expect(reportConnection(facts({ health: unreachable, answersWithoutCors: false }))).toMatchObject({
      part: 'url',
      message: expect.stringMatching(
        /^Nothing answers at https:\/\/banana\.example\.com\. Check the URL, that the proxy is running/,
      ),
    });
    expect(reportConnection(facts({ health: unreachable, answersWithoutCors: true }))).toMatchObject({
      part: 'network',
      message: expect.stringMatching(/does not allow calls from any origin \(CORS\)/),
    });
    expect(reportConnection(facts({ health: unreachable, mayReach: false }))).toMatchObject({
      part: 'network',
      message: 'Could not reach it: this build may only reach https://other.example.',
    });
  });

  it('tells a refused token, a missing one, and a proxy that fails', () => {
    expect(reportConnection(facts({ usage: fail(appError('unauthorized')) })).part).toBe('token');
    expect(reportConnection(facts({ hasToken: false, usage: null }))).toMatchObject({
      part: 'token',
      message: expect.stringMatching(/no team token is typed/),
    });
    expect(
      reportConnection(facts({ usage: fail(appError('proxy_busy', 'The proxy cannot reach its database.')) })),
    ).toMatchObject({
      part: 'proxy',
      message: expect.stringMatching(/could not say what you have left: The proxy cannot reach its database\.$/),
    });
    expect(reportConnection(facts({ health: fail(appError('not_found')) })).part).toBe('url');
  });
});
