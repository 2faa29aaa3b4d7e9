/**
 * A page of real Chromium running some of the panel's own modules, bundled with esbuild from a small entry script
 * (the tests of browser-only code and `npm run bench -- panel` use it). The page lives at a made-up origin whose
 * files are served from memory, so nothing touches the network.
 */
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'http://modules.invalid';

/** A file the page may fetch by its path (e.g. `/answer.png`). */
export interface ServedFile {
  body: Buffer | string;
  type: string;
}

/**
 * Opens a page that runs `entry` (TypeScript, imports relative to the repository root, e.g.
 * `import { x } from './ui/image/canvas-codec.ts'`), waits until it has set `window[readyGlobal]`, and fails on any
 * page error that happened while loading.
 */
export async function openModulePageAsync(
  browser: Browser,
  entry: string,
  readyGlobal: string,
  files: Record<string, ServedFile> = {},
): Promise<Page> {
  const bundle = await build({
    absWorkingDir: ROOT,
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'module-page-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'ui/tsconfig.json',
    logLevel: 'silent',
  });
  const served: Record<string, ServedFile> = {
    ...files,
    '/': { body: '<!doctype html><meta charset="utf-8"><script src="modules.js"></script>', type: 'text/html' },
    '/modules.js': { body: bundle.outputFiles[0]!.text, type: 'text/javascript' },
  };
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = served[new URL(route.request().url()).pathname];
    return file
      ? route.fulfill({ status: 200, body: file.body, contentType: file.type })
      : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction((name) => name in window, readyGlobal);
  if (errors.length > 0) throw new Error(`the module page failed to load: ${errors.join('; ')}`);
  return page;
}
