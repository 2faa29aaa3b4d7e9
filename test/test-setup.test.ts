/** The test command's own set-up: which browser it picks, and what it says when there is none. */
import { describe, expect, it } from 'vitest';
import { findBrowser, installHint } from './support/find-browser.js';
import { postgresInstalled } from './support/private-postgres.js';
import { testDatabaseUrl } from './support/test-database.js';

const only =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

describe('findBrowser', () => {
  it.each([
    ['Debian', {}, only('/usr/bin/chromium'), '/usr/bin/chromium'],
    ['Ubuntu’s name', {}, only('/usr/bin/chromium-browser'), '/usr/bin/chromium-browser'],
    [
      'macOS Chrome',
      {},
      only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    [
      'CHROMIUM_PATH first',
      { CHROMIUM_PATH: '/opt/c/chrome' },
      only('/opt/c/chrome', '/usr/bin/chromium'),
      '/opt/c/chrome',
    ],
    ['a CHROMIUM_PATH that is not there', { CHROMIUM_PATH: '/opt/none' }, only('/usr/bin/chromium'), null],
    ['nothing installed', {}, only(), null],
  ])('%s', (_name, env, exists, expected) => {
    expect(findBrowser(env, exists)).toBe(expected);
  });

  it('names the one command to run on each platform', () => {
    expect(installHint('linux')).toMatch(/^Run: sudo apt-get install chromium/);
    expect(installHint('darwin')).toMatch(/Install Google Chrome/);
  });
});

describe('the run this test is part of', () => {
  it('has the browser and, when PostgreSQL is installed, a database', () => {
    expect(findBrowser()).toBe(process.env.CHROMIUM_PATH);
    if (postgresInstalled()) expect(testDatabaseUrl()).toMatch(/^postgres:\/\//);
  });
});
