/**
 * The panel's image work for one 4K result, in Chromium (DESIGN.md §9: "well under a second for 4K"). The panel's
 * real image code (ui/image/*, core/png.ts, core/composite-through-mask.ts …) is bundled with esbuild and run in a
 * page of Debian's Chromium (playwright-core, the same flags as the browser tests) on a 5504×3072 PNG answer (4K at
 * 16:9, Gemini's widest 4K): decoding it, a regional edit of a 1920×1080 frame exported at 4096×2304 through a
 * rotated ellipse covering most of it (prepare: decode the export and mask, plan, crop and scene; composite:
 * resample the answer down into the crop and blend through the mask; encode the result PNG), and the whole-frame
 * fit a plain edit does in a canvas (decode, cover-crop, downscale to 4096, encode). Median and p95 of several runs.
 */
import { build } from 'esbuild';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createImage, encodePng, type RgbaImage } from '../core/png.js';
import { rasterizeShape } from '../core/region-shape.js';
import { fmt, mb, percentile } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ORIGIN = 'http://bench.invalid';

/** The page's script: the panel's own modules, timed step by step. */
const ENTRY = `
import registry from './config/models.json';
import { encodePng } from './core/png.ts';
import { decodeAnswer } from './ui/image/decode-answer.ts';
import { compositeRegion, PANEL_PNG_LEVEL, prepareRegionEdit } from './ui/image/region-edit.ts';
import { fitImageWithCanvasAsync } from './ui/image/canvas-fitter.ts';

const model = registry.models.find((m) => m.id === 'gemini-3.1-flash-image');
const bytesOf = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());

window.benchPanel = async (runs) => {
  const [answer, source, mask] = await Promise.all(['answer.png', 'source.png', 'mask.png'].map(bytesOf));
  const steps = { decode: [], prepare: [], composite: [], encode: [], regional: [], canvasFit: [] };
  let result = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const decoded = decodeAnswer(answer);
    const t1 = performance.now();
    const prepared = prepareRegionEdit(source, mask, model);
    const t2 = performance.now();
    const composite = compositeRegion(prepared.value, decoded.value);
    const t3 = performance.now();
    const png = encodePng(composite, PANEL_PNG_LEVEL);
    const t4 = performance.now();
    const fitted = await fitImageWithCanvasAsync(answer, 'image/png', { width: 1920, height: 1080, scale: 3 });
    const t5 = performance.now();
    if (!decoded.ok || !prepared.ok || !fitted.ok) throw new Error('a step failed');
    steps.decode.push(t1 - t0);
    steps.prepare.push(t2 - t1);
    steps.composite.push(t3 - t2);
    steps.encode.push(t4 - t3);
    steps.regional.push(t4 - t0);
    steps.canvasFit.push(t5 - t4);
    result = png.length;
  }
  const plan = prepareRegionEdit(source, mask, model);
  return { steps, result, crop: plan.ok ? plan.value.plan.crop : null };
};
`;

/** A photo-like test image: smooth light and colour with fine grain, so PNG sizes and inflate work are realistic. */
function photoLike(width: number, height: number, seed: number): RgbaImage {
  const image = createImage(width, height);
  let state = seed >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const grain = (state >>> 28) - 8;
      const i = (y * width + x) * 4;
      image.data[i] = clamp(90 + (120 * x) / width + 30 * Math.sin(y / 97) + grain);
      image.data[i + 1] = clamp(60 + (140 * y) / height + 20 * Math.cos(x / 131) + grain);
      image.data[i + 2] = clamp(150 - (80 * x) / width + grain);
      image.data[i + 3] = 255;
    }
  }
  return image;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

export async function benchPanelImage(runs = 5): Promise<string[]> {
  const bundle = await build({
    absWorkingDir: ROOT,
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-panel-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'ui/tsconfig.json',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const answer = encodePng(photoLike(5504, 3072, 1), 6);
  const source = encodePng(photoLike(4096, 2304, 2), 6);
  const ellipse = rasterizeShape(4096, 2304, { kind: 'ellipse', cx: 2048, cy: 1152, rx: 1900, ry: 1000, rotation: 12 });
  const maskImage = createImage(4096, 2304);
  for (let i = 0; i < ellipse.alpha.length; i++) maskImage.data[i * 4 + 3] = ellipse.alpha[i]!;
  const files: Record<string, { body: Buffer | string; type: string }> = {
    '/': { body: '<!doctype html><meta charset="utf-8"><script src="panel.js"></script>', type: 'text/html' },
    '/panel.js': { body: script, type: 'text/javascript' },
    '/answer.png': { body: Buffer.from(answer), type: 'image/png' },
    '/source.png': { body: Buffer.from(source), type: 'image/png' },
    '/mask.png': { body: Buffer.from(encodePng(maskImage, 6)), type: 'image/png' },
  };

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file
        ? route.fulfill({ status: 200, body: file.body, contentType: file.type })
        : route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'benchPanel' in window);
    type Steps = Record<'decode' | 'prepare' | 'composite' | 'encode' | 'regional' | 'canvasFit', number[]>;
    const { steps, result, crop } = await page.evaluate(
      (n) =>
        (
          window as unknown as { benchPanel(n: number): Promise<{ steps: Steps; result: number; crop: unknown }> }
        ).benchPanel(n),
      runs,
    );
    if (errors.length > 0) throw new Error(errors.join('; '));
    const row = (label: string, times: number[]) =>
      `| ${label} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} |`;
    return [
      `5504×3072 answer (${mb(answer.length)} PNG); 1920×1080 frame exported at 4096×2304 (${mb(source.length)}); ` +
        `rotated ellipse; crop ${JSON.stringify(crop)}; ${runs} runs on ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
      '',
      '| panel step (Chromium, the panel’s own code) | median | p95 |',
      '| --- | --- | --- |',
      row('decode the answer (PNG, pure)', steps.decode),
      row('regional: prepare (decode export + mask, plan, crop and scene)', steps.prepare),
      row('regional: composite through the mask (answer resampled down into the crop)', steps.composite),
      row(`regional: encode the 4096×2304 result PNG (${mb(result)})`, steps.encode),
      row('**regional edit, all of the above**', steps.regional),
      row('whole-frame fit in a canvas (decode, cover-crop, downscale to 4096, encode)', steps.canvasFit),
    ];
  } finally {
    await browser.close();
  }
}
