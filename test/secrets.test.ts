/**
 * The key never leaves the proxy: not in the plugin bundle, the panel, the playground or the manifest. The suite's
 * global setup has just built dist/ with a Gemini key in the environment (see global-setup.ts), so a bundle that
 * read the environment at build time would carry it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_TIME_KEY } from './global-setup.js';

const root = new URL('../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no secret in what ships to Figma', () => {
  const shipped = [...filesUnder(join(root, 'dist')), join(root, 'manifest.json')];

  it('covers the sandbox, the panel, the playground and the manifest', () => {
    const names = shipped.map((p) => p.slice(root.length));
    expect(names).toEqual(
      expect.arrayContaining(['dist/code.js', 'dist/ui.html', 'dist/playground/playground.js', 'manifest.json']),
    );
  });

  it.each([
    ['the key the build ran with', (text: string) => text.includes(BUILD_TIME_KEY)],
    ['anything shaped like a Google API key', (text: string) => /AIza[0-9A-Za-z_-]{35}/.test(text)],
    ['a read of the environment', (text: string) => /process\.env\.(GEMINI|GOOGLE|BANANA)/.test(text)],
  ])('has no %s', (_name, found) => {
    const offenders = shipped.filter((path) => found(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
