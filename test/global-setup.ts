/**
 * Builds the plugin bundles and the playground once before the suite, so the browser tests run what `npm start`
 * serves and what Figma would load.
 */
import { buildPlaygroundAsync } from '../scripts/build-playground.js';
import { buildAsync } from '../scripts/build.js';

export default async function setup(): Promise<void> {
  await buildAsync();
  await buildPlaygroundAsync();
}
