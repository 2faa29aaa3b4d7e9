/**
 * Before the suite: make the test command work by itself on a fresh machine, then build once.
 *
 * 1. A browser for the browser tests (test/support/find-browser.ts): found, installed (root on Debian), or the run
 *    stops at once with the one command to run.
 * 2. PostgreSQL for its suites (test/support/throwaway-postgres.ts): `BANANA_TEST_DATABASE_URL` when set (as
 *    `.ci/run` sets it), else a throw-away cluster when PostgreSQL's binaries are here, else skipped, said plainly.
 * 3. The plugin bundles and the playground, so the browser tests run what `npm start` serves and what Figma would
 *    load. The build runs with a Gemini key in its environment, as a developer's machine may have one, so
 *    test/secrets.test.ts can prove no bundle picks it up.
 *
 * What this sets in `process.env` here reaches the test workers, which start after it.
 */
import { buildPlaygroundAsync } from '../scripts/build-playground.js';
import { buildAsync } from '../scripts/build.js';
import { ensureBrowser } from './support/find-browser.js';
import { startThrowawayPostgresAsync } from './support/throwaway-postgres.js';

/** A key-shaped value present in the environment while the bundles are built. */
export const BUILD_TIME_KEY = 'AIzaSyBuildTimeKeyThatMustNotShip012345';

const log = (line: string): void => console.log(line);

export default async function setup(): Promise<() => Promise<void>> {
  process.env.CHROMIUM_PATH = ensureBrowser(log);
  const database = process.env.BANANA_TEST_DATABASE_URL?.trim() ? null : await startThrowawayPostgresAsync(log);
  if (database) process.env.BANANA_TEST_DATABASE_URL = database.url;

  const previous = process.env.GEMINI_API_KEY;
  process.env.GEMINI_API_KEY = BUILD_TIME_KEY;
  try {
    await buildAsync();
    await buildPlaygroundAsync();
  } finally {
    if (previous === undefined) delete process.env.GEMINI_API_KEY;
    else process.env.GEMINI_API_KEY = previous;
  }
  return async () => {
    await database?.stop();
  };
}
