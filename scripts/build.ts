/**
 * Builds the Figma bundles with esbuild (run with `npx tsx scripts/build.ts`, or import `buildAsync`):
 * - `dist/code.js`: the sandbox (plugin/main.ts), one IIFE for ES2020 with no Node or DOM globals;
 * - `dist/ui.html`: the panel (ui/main.tsx with Preact's automatic JSX), minified and inlined with its CSS into one
 *   self-contained HTML file, because Figma loads the UI from the `__html__` string
 *   (docs/figma-platform.md#the-panel-is-one-html-file);
 * - `dist/manifest.json`: the manifest to import in Figma, from the tracked `manifest.json` with the team's
 *   BANANA_PROXY_URL and FIGMA_PLUGIN_ID (scripts/team-build.ts), which both bundles also get as their build
 *   target (core/build-target.ts). The tracked files are never written, so a checkout stays clean.
 * Afterwards it scans dist/ and fails if a bundle mentions `process.env`, requires a Node built-in, or contains
 * the value of GEMINI_API_KEY (the key never appears in the bundle: docs/architecture.md#result-at-boundaries).
 */
import { build, type BuildOptions, type OutputFile } from 'esbuild';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildTarget } from '../core/build-target.js';
import { buildTargetOf, teamManifest, type PluginManifest, type TeamBuildSettings } from './team-build.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptionsIn extends TeamBuildSettings {
  /** Where to write code.js, ui.html and manifest.json; `<repo>/dist` by default. */
  outDir?: string;
  /** Minify both bundles (default true). */
  minify?: boolean;
}

export interface BuildOutput {
  codePath: string;
  uiPath: string;
  manifestPath: string;
  /** What the manifest allows and the bundles were told. */
  target: BuildTarget;
  /** The manifest's plugin id. */
  pluginId: string;
  /** Bytes of dist/code.js. */
  codeBytes: number;
  /** Bytes of dist/ui.html. */
  uiBytes: number;
}

/** Builds both bundles into `outDir`, checks them, and returns their paths and sizes. Throws on any problem. */
export async function buildAsync(options: BuildOptionsIn = {}): Promise<BuildOutput> {
  const outDir = options.outDir ?? join(ROOT, 'dist');
  const minify = options.minify ?? true;
  // Settings first: a bad BANANA_PROXY_URL or FIGMA_PLUGIN_ID stops the build before it writes anything.
  const template = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')) as PluginManifest;
  const manifest = teamManifest(template, options, { main: 'code.js', ui: 'ui.html' });
  const target = buildTargetOf(manifest);
  const define = { ...common.define, BANANA_BUILD_TARGET: JSON.stringify(target) };
  await mkdir(outDir, { recursive: true });
  const [code, ui] = await Promise.all([buildSandboxAsync(minify, define), buildPanelAsync(minify, define)]);
  const codePath = join(outDir, 'code.js');
  const uiPath = join(outDir, 'ui.html');
  const manifestPath = join(outDir, 'manifest.json');
  await Promise.all([
    writeFile(codePath, code),
    writeFile(uiPath, ui),
    writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`),
  ]);
  await scanForSecretsAsync(outDir, process.env.GEMINI_API_KEY);
  return {
    codePath,
    uiPath,
    manifestPath,
    target,
    pluginId: manifest.id,
    codeBytes: Buffer.byteLength(code),
    uiBytes: Buffer.byteLength(ui),
  };
}

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  legalComments: 'none',
  logLevel: 'silent',
  // Nothing in either bundle may read the environment; make any such read an obvious constant instead.
  define: { 'process.env.NODE_ENV': '"production"' },
};

async function buildSandboxAsync(minify: boolean, define: Record<string, string>): Promise<string> {
  const result = await build({
    ...common,
    define,
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

async function buildPanelAsync(minify: boolean, define: Record<string, string>): Promise<string> {
  const result = await build({
    ...common,
    define,
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

/** One line on what the manifest is for, and how to make it a team's. */
function describeTarget(out: BuildOutput): string {
  const { allowedOrigins, devOrigins } = out.target;
  if (allowedOrigins.length === 0) {
    return (
      `dist/manifest.json  development build: reaches ${devOrigins.join(', ')} only, plugin id ${out.pluginId}. ` +
      'For a team: BANANA_PROXY_URL=https://… FIGMA_PLUGIN_ID=… npm run build'
    );
  }
  return `dist/manifest.json  for ${allowedOrigins.join(', ')}, plugin id ${out.pluginId}: import it in Figma`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildAsync({ proxyUrl: process.env.BANANA_PROXY_URL, pluginId: process.env.FIGMA_PLUGIN_ID }).then(
    (out) => {
      console.log(`dist/code.js  ${(out.codeBytes / 1024).toFixed(1)} kB`);
      console.log(`dist/ui.html  ${(out.uiBytes / 1024).toFixed(1)} kB`);
      console.log(describeTarget(out));
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
