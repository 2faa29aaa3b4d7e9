import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, proxyBaseUrl, settingsOrDefault, settingsSchema } from '../../core/settings.js';

describe('settingsSchema', () => {
  const cases: [unknown, boolean][] = [
    [{ proxyUrl: 'http://localhost:8787', token: '' }, true],
    [{ proxyUrl: 'https://banana.example.com/team/', token: 'bs_abc' }, true],
    [{ proxyUrl: '  https://banana.example.com  ', token: ' t ' }, true],
    [{ proxyUrl: 'localhost:8787', token: '' }, false],
    [{ proxyUrl: 'ftp://example.com', token: '' }, false],
    [{ proxyUrl: 'https://', token: '' }, false],
    [{ proxyUrl: 'http://localhost:8787', token: 'x'.repeat(501) }, false],
    [{ proxyUrl: 'http://localhost:8787' }, false],
    [{ proxyUrl: 'http://localhost:8787', token: '', extra: 1 }, false],
  ];
  it.each(cases)('%j → %s', (value, expected) => {
    expect(settingsSchema.safeParse(value).success).toBe(expected);
  });

  it('trims what it keeps', () => {
    expect(settingsSchema.parse({ proxyUrl: ' https://p.example ', token: ' t ' })).toEqual({
      proxyUrl: 'https://p.example',
      token: 't',
    });
  });
});

describe('settingsOrDefault', () => {
  it.each([undefined, null, 'junk', { proxyUrl: 'nope', token: '' }])('%j → defaults', (stored) => {
    expect(settingsOrDefault(stored)).toEqual({ proxyUrl: 'http://localhost:8787', token: '' });
  });
  it('keeps valid stored settings', () => {
    const stored = { proxyUrl: 'https://p.example', token: 'abc' };
    expect(settingsOrDefault(stored)).toEqual(stored);
  });
  it('does not hand out the shared default object', () => {
    expect(settingsOrDefault(undefined)).not.toBe(DEFAULT_SETTINGS);
  });
});

describe('proxyBaseUrl', () => {
  it.each([
    ['http://localhost:8787', 'http://localhost:8787'],
    ['https://p.example/team/', 'https://p.example/team'],
    ['https://p.example//', 'https://p.example'],
  ])('%s → %s', (proxyUrl, expected) => {
    expect(proxyBaseUrl({ proxyUrl, token: '' })).toBe(expected);
  });
});
