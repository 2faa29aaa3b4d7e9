/**
 * Builds the Figma bundles with esbuild (run with `npx tsx scripts/build.ts`, or import `buildAsync`):
 * - `dist/code.js`: the sandbox (plugin/main.ts), one IIFE for ES2020 with no Node or DOM globals;
 * - `dist/ui.html`: the panel (ui/main.tsx with Preact's automatic JSX), minified and inlined with its CSS into
 *   one self-contained HTML file, because Figma loads the UI from the `__html__` string (figma-api.md §2).
 * Afterwards it scans dist/ and fails if a bundle mentions `process.env`, requires a Node built-in, or contains
 * the value of GEMINI_API_KEY (DESIGN.md §8: the key never appears in the bundle).
 */
import { build, type BuildOptions, type OutputFile } from 'esbuild';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptionsIn {
  /** Where to write code.js and ui.html; `<repo>/dist` by default. */
  outDir?: string;
  /** Minify both bundles (default true). */
  minify?: boolean;
}

export interface BuildOutput {
  codePath: string;
  uiPath: string;
  /** Bytes of dist/code.js. */
  codeBytes: number;
  /** Bytes of dist/ui.html. */
  uiBytes: number;
}

/** Builds both bundles into `outDir`, checks them, and returns their paths and sizes. Throws on any problem. */
export async function buildAsync(options: BuildOptionsIn = {}): Promise<BuildOutput> {
  const outDir = options.outDir ?? join(ROOT, 'dist');
  const minify = options.minify ?? true;
  await mkdir(outDir, { recursive: true });
  const [code, ui] = await Promise.all([buildSandboxAsync(minify), buildPanelAsync(minify)]);
  const codePath = join(outDir, 'code.js');
  const uiPath = join(outDir, 'ui.html');
  await Promise.all([writeFile(codePath, code), writeFile(uiPath, ui)]);
  await scanForSecretsAsync(outDir, process.env.GEMINI_API_KEY);
  return { codePath, uiPath, codeBytes: Buffer.byteLength(code), uiBytes: Buffer.byteLength(ui) };
}

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  legalComments: 'none',
  logLevel: 'silent',
  // Nothing in either bundle may read the environment; make any such read an obvious constant instead.
  define: { 'process.env.NODE_ENV': '"production"' },
};

async function buildSandboxAsync(minify: boolean): Promise<string> {
  const result = await build({
    ...common,
    write: false,
    entryPoints: ['plugin/main.ts'],
    outfile: 'code.js',
    format: 'iife',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify,
    tsconfig: 'plugin/tsconfig.json',
  });
  return textOf(result.outputFiles, '.js');
}

async function buildPanelAsync(minify: boolean): Promise<string> {
  const result = await build({
    ...common,
    write: false,
    entryPoints: ['ui/main.tsx'],
    outdir: 'ui-out',
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    tsconfig: 'ui/tsconfig.json',
  });
  const js = textOf(result.outputFiles, '.js');
  const css = result.outputFiles.some((f) => f.path.endsWith('.css')) ? textOf(result.outputFiles, '.css') : '';
  return inlineHtml(js, css);
}

function textOf(files: readonly OutputFile[], extension: string): string {
  const file = files.find((f) => f.path.endsWith(extension));
  if (!file) throw new Error(`esbuild produced no ${extension} output`);
  return file.text;
}

/** One HTML document with the script and styles inline; `</script` and `</style` inside them are escaped. */
export function inlineHtml(js: string, css: string): string {
  const script = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const style = css.replace(/<\/(style)/gi, '<\\/$1');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<title>Banana Studio</title>',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The problems a bundle text has: environment reads, Node built-in requires, or the Gemini key. */
export function findForbidden(text: string, geminiKey?: string): string[] {
  const problems: string[] = [];
  if (text.includes('process.env')) problems.push('reads process.env');
  const builtins = builtinModules.map((m) => m.replace(/^node:/, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const requirePattern = new RegExp(`require\\(\\s*["'\`](node:)?(${builtins.join('|')})(/[^"'\`]*)?["'\`]\\s*\\)`);
  const required = requirePattern.exec(text);
  if (required) problems.push(`requires the Node built-in ${required[0]}`);
  if (geminiKey && geminiKey.trim().length > 0 && text.includes(geminiKey.trim())) {
    problems.push('contains the value of GEMINI_API_KEY');
  }
  return problems;
}

/** Fails the build when any file in `dir` has a {@link findForbidden} problem. */
export async function scanForSecretsAsync(dir: string, geminiKey?: string): Promise<void> {
  const failures: string[] = [];
  for (const name of await readdir(dir)) {
    if (!/\.(js|html|css|json|map)$/.test(name)) continue;
    const text = await readFile(join(dir, name), 'utf8');
    for (const problem of findForbidden(text, geminiKey)) failures.push(`${name} ${problem}`);
  }
  if (failures.length > 0) throw new Error(`The build output is not safe to ship:\n- ${failures.join('\n- ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildAsync().then(
    (out) => {
      console.log(`dist/code.js  ${(out.codeBytes / 1024).toFixed(1)} kB`);
      console.log(`dist/ui.html  ${(out.uiBytes / 1024).toFixed(1)} kB`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
