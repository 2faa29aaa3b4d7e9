import { describe, expect, it } from 'vitest';
import { buildMayReach, notAllowedMessage, originOf } from '../../core/build-may-reach.js';
import { BUILD_TARGET, DEVELOPMENT_TARGET, type BuildTarget } from '../../core/build-target.js';
import { DEFAULT_PROXY_URL, proxyUrlProblem } from '../../core/settings.js';

const TEAM: BuildTarget = {
  proxyUrl: 'https://banana.acme.example',
  allowedOrigins: ['https://banana.acme.example'],
  devOrigins: ['http://localhost:8787'],
};

describe('originOf', () => {
  it.each([
    ['https://banana.acme.example', 'https://banana.acme.example'],
    ['https://Banana.Acme.Example/team/?x=1', 'https://banana.acme.example'],
    ['https://banana.acme.example:443', 'https://banana.acme.example'],
    ['http://localhost:80/', 'http://localhost'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787/v1', 'http://[::1]:8787'],
    [' http://127.0.0.1:9 ', 'http://127.0.0.1:9'],
  ])('%j → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each(['localhost:8787', 'ftp://x.example', 'https://', 'https://a b.example', 'https://user@x.example'])(
    '%j → null',
    (url) => {
      expect(originOf(url)).toBeNull();
    },
  );
});

describe('buildMayReach', () => {
  it('allows the origins of the manifest, in any path or case, and nothing else', () => {
    expect(buildMayReach(TEAM, 'https://banana.acme.example/')).toBe(true);
    expect(buildMayReach(TEAM, 'https://BANANA.acme.example:443/team')).toBe(true);
    expect(buildMayReach(TEAM, 'http://localhost:8787')).toBe(true);
    expect(buildMayReach(TEAM, 'http://banana.acme.example')).toBe(false);
    expect(buildMayReach(TEAM, 'https://banana.other.example')).toBe(false);
    expect(buildMayReach(TEAM, 'http://localhost:8788')).toBe(false);
    expect(buildMayReach(TEAM, 'not a url')).toBe(false);
  });

  it('is the development build when nothing was injected (tests, unbundled code)', () => {
    expect(BUILD_TARGET).toBe(DEVELOPMENT_TARGET);
    expect(DEFAULT_PROXY_URL).toBe('http://localhost:8787');
    expect(buildMayReach(BUILD_TARGET, 'http://localhost:8787')).toBe(true);
    expect(buildMayReach(BUILD_TARGET, 'https://banana.acme.example')).toBe(false);
  });
});

describe('notAllowedMessage', () => {
  it('names the address that failed and the ones this build may reach', () => {
    expect(notAllowedMessage(TEAM, 'https://banana.other.example')).toBe(
      'Could not reach https://banana.other.example: this build of Banana Studio may only reach ' +
        'https://banana.acme.example (and http://localhost:8787 in development); ask your admin for a build for ' +
        'your proxy, or use that address.',
    );
    expect(notAllowedMessage(DEVELOPMENT_TARGET, 'http://127.0.0.1:9')).toBe(
      'Could not reach http://127.0.0.1:9: this build of Banana Studio may only reach http://localhost:8787 ' +
        '(it is a development build); ask your admin for a build for your proxy, or use that address.',
    );
    const two = { ...TEAM, allowedOrigins: ['https://a.example', 'https://b.example'] };
    expect(notAllowedMessage(two, 'https://c.example')).toMatch(
      /may only reach https:\/\/a\.example or https:\/\/b\.example .* or use one of those addresses\.$/,
    );
  });
});

describe('proxyUrlProblem', () => {
  it.each(['https://banana.acme.example', 'http://localhost:8787', ' https://banana.acme.example/team/ '])(
    '%j is fine',
    (url) => {
      expect(proxyUrlProblem(url)).toBeNull();
    },
  );

  it.each<[string, RegExp]>([
    ['', /^The proxy URL is empty\. Paste the address your admin gave you/],
    [
      'localhost:8787',
      /^"localhost:8787" is not a web address\. Paste the proxy's full address, starting with https:\/\//,
    ],
    ['banana.acme.example', /^"banana\.acme\.example" is not a web address\./],
    ['ftp://banana.acme.example', /is not a web address\. It has to start with https:\/\/\./],
    ['https://', /^"https:\/\/" is not a web address/],
  ])('%j gets plain words', (url, message) => {
    expect(proxyUrlProblem(url)).toMatch(message);
  });
});
