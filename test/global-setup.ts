/**
 * Builds the plugin bundles and the playground once before the suite, so the browser tests run what `npm start`
 * serves and what Figma would load. The build runs with a Gemini key in its environment, as a developer's machine
 * may have one, so test/secrets.test.ts can prove no bundle picks it up.
 */
import { buildPlaygroundAsync } from '../scripts/build-playground.js';
import { buildAsync } from '../scripts/build.js';

/** A key-shaped value present in the environment while the bundles are built. */
export const BUILD_TIME_KEY = 'AIzaSyBuildTimeKeyThatMustNotShip012345';

export default async function setup(): Promise<void> {
  const previous = process.env.GEMINI_API_KEY;
  process.env.GEMINI_API_KEY = BUILD_TIME_KEY;
  try {
    await buildAsync();
    await buildPlaygroundAsync();
  } finally {
    if (previous === undefined) delete process.env.GEMINI_API_KEY;
    else process.env.GEMINI_API_KEY = previous;
  }
}
