/**
 * Builds the browser playground into `dist/playground/` (served by the proxy at `/playground`): the page, its script
 * (the Figma double and the canvas, bundled for the browser), and copies of the real plugin bundles `code.js` and
 * `ui.html` that the page runs. Run after `scripts/build.ts`, which makes those bundles.
 */
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the playground from the plugin bundles in `distDir` (default `<repo>/dist`). */
export async function buildPlaygroundAsync(distDir = join(ROOT, 'dist')): Promise<string> {
  const outDir = join(distDir, 'playground');
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['dev/playground/main.ts'],
    outfile: join(outDir, 'playground.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'silent',
    tsconfig: 'test/tsconfig.json',
  });
  await Promise.all([
    copyFile(join(ROOT, 'dev/playground/index.html'), join(outDir, 'index.html')),
    copyFile(join(ROOT, 'dev/playground/playground.css'), join(outDir, 'playground.css')),
    copyFile(join(distDir, 'code.js'), join(outDir, 'code.js')),
    copyFile(join(distDir, 'ui.html'), join(outDir, 'ui.html')),
  ]);
  return outDir;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const out = await buildPlaygroundAsync();
  console.log(`playground built into ${out}`);
}
