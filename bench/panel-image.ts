/**
 * The panel's image work for one 4K result, in Chromium (docs/architecture.md#figures-we-hold-ourselves-to: "well under
 * a second for 4K"). The panel's real image code (ui/image/*, core/png.ts, core/composite-through-mask.ts …) is bundled
 * with esbuild and run in a page of Debian's Chromium (playwright-core, the same flags as the browser tests), for a
 * 1920×1080 frame exported at 4096×2304:
 * - a regional edit through a rotated ellipse covering most of the frame (the worst case) and through a small
 *   rectangle (a logo), each answered at the size its plan asks for (4K 5504×3072 for the ellipse), through the
 *   canvas codec the panel uses (ui/image/canvas-codec.ts), for an opaque frame and for one with transparent
 *   rounded corners (whose exact steps take core/png.ts): prepare (decode the export and the mask, plan, crop and
 *   scene, before sending) and finish (decode the answer into the crop, composite through the mask, encode the
 *   result PNG, after the answer);
 * - the whole-frame fit a plain edit does in a canvas with a 5504×3072 answer (4K at 16:9, Gemini's widest 4K):
 *   decode, cover-crop, downscale to 4096, encode.
 * Median and p95 of several runs.
 */
import { cpus, loadavg } from 'node:os';
import { createImage, encodePng, type RgbaImage } from '../core/png.js';
import type { ShapeDescription } from '../core/region-shape.js';
import { readImageHeader } from '../core/image-header.js';
import { launchBrowserAsync } from '../test/support/browser.js';
import { shapeMaskImage } from '../test/core/region-test-images.js';
import { openModulePageAsync, type ServedFile } from '../test/support/module-page.js';
import { publicModels } from '../test/ui/fixtures.js';
import { pureCodec } from '../ui/image/pixel-codec.js';
import { prepareRegionEditAsync } from '../ui/image/region-edit.js';
import { fmt, mb, percentile } from './stats.js';

/** The page's script: the panel's own modules, timed step by step. */
const ENTRY = `
import registry from './config/models.json';
import { compositeThroughMask, REGION_FEATHER_PX } from './core/composite-through-mask.ts';
import { canvasCodec } from './ui/image/canvas-codec.ts';
import { fitImageWithCanvasAsync } from './ui/image/canvas-fitter.ts';
import { prepareRegionEditAsync } from './ui/image/region-edit.ts';

const model = registry.models.find((m) => m.id === 'gemini-3.1-flash-image');
const bytesOf = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
const codec = canvasCodec;

window.benchPanel = {
  async regional(sourceName, maskName, answerName, runs) {
    const [answer, source, mask] = await Promise.all([answerName, sourceName, maskName].map(bytesOf));
    const steps = { prepare: [], patch: [], composite: [], encode: [], finish: [] };
    let result = 0;
    let crop = null;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const prepared = await prepareRegionEditAsync(codec, source, mask, model);
      const t1 = performance.now();
      if (!prepared.ok) throw new Error(prepared.error.message);
      const { plan } = prepared.value;
      const patch = await codec.decodePatch(answer, plan.crop.width, plan.crop.height);
      const t2 = performance.now();
      if (!patch.ok) throw new Error(patch.error.message);
      const composite = compositeThroughMask(prepared.value.source, patch.value, plan.crop, prepared.value.mask, REGION_FEATHER_PX);
      const t3 = performance.now();
      const png = await codec.encodeExact(composite);
      const t4 = performance.now();
      steps.prepare.push(t1 - t0);
      steps.patch.push(t2 - t1);
      steps.composite.push(t3 - t2);
      steps.encode.push(t4 - t3);
      steps.finish.push(t4 - t1);
      result = png.length;
      crop = plan.crop;
    }
    return { steps, result, crop };
  },
  async fit(runs) {
    const answer = await bytesOf('answer.png');
    const times = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const fitted = await fitImageWithCanvasAsync(answer, 'image/png', { width: 1920, height: 1080, scale: 3 });
      times.push(performance.now() - t0);
      if (!fitted.ok) throw new Error('the fit failed');
    }
    return times;
  },
};
`;

/** A photo-like test image: smooth light and colour with fine grain, so PNG sizes and inflate work are realistic. */
export function photoLike(width: number, height: number, seed: number): RgbaImage {
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

/** `image` with its corners cut round and transparent, as Figma exports a frame with a corner radius. */
function roundCorners(image: RgbaImage, radius: number): RgbaImage {
  const { width, height, data } = image;
  for (let y = 0; y < radius; y++) {
    for (let x = 0; x < radius; x++) {
      const dx = radius - x - 0.5;
      const dy = radius - y - 0.5;
      // Coverage of the pixel by the rounded corner, anti-aliased over one pixel.
      const alpha = Math.round(255 * Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(dx, dy))));
      for (const [px, py] of [
        [x, y],
        [width - 1 - x, y],
        [x, height - 1 - y],
        [width - 1 - x, height - 1 - y],
      ] as const) {
        data[(py * width + px) * 4 + 3] = alpha;
      }
    }
  }
  return image;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;

/** A mask export of `shape` on the frame's export grid: the shape opaque black on transparency. */
function maskPng(shape: ShapeDescription): Uint8Array {
  return encodePng(shapeMaskImage(4096, 2304, shape), 6);
}

type Steps = Record<'prepare' | 'patch' | 'composite' | 'encode' | 'finish', number[]>;
interface BenchPage {
  regional(
    source: string,
    mask: string,
    answer: string,
    runs: number,
  ): Promise<{ steps: Steps; result: number; crop: unknown }>;
  fit(runs: number): Promise<number[]>;
}

/** The answer a regional edit through `mask` gets: a photo at the size its plan asks the model for. */
async function answerFor(source: Uint8Array, mask: Uint8Array, seed: number): Promise<Uint8Array> {
  const prepared = await prepareRegionEditAsync(pureCodec, source, mask, flash);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const { imageSize, aspectRatio } = prepared.value.plan;
  const [width, height] = flash.dimensions[imageSize ?? flash.defaultImageSize]![aspectRatio]!;
  return encodePng(photoLike(width, height, seed), 6);
}

export async function benchPanelImage(runs = 5): Promise<string[]> {
  const source = encodePng(photoLike(4096, 2304, 2), 6);
  const regions = [
    {
      name: 'ellipse',
      label: 'rotated ellipse over most of the frame',
      mask: maskPng({ kind: 'ellipse', cx: 2048, cy: 1152, rx: 1900, ry: 1000, rotation: 12 }),
    },
    {
      name: 'logo',
      label: 'small rectangle (a logo)',
      mask: maskPng({ kind: 'rectangle', x: 3000, y: 300, width: 600, height: 360 }),
    },
  ];
  const answers = await Promise.all(regions.map((region, i) => answerFor(source, region.mask, 10 + i)));
  const frames = [
    { file: 'source.png', label: 'opaque frame' },
    { file: 'rounded.png', label: 'frame with transparent rounded corners' },
  ];
  const fitAnswer = encodePng(photoLike(5504, 3072, 1), 6);
  const files: Record<string, ServedFile> = {
    '/answer.png': { body: Buffer.from(fitAnswer), type: 'image/png' },
    '/source.png': { body: Buffer.from(source), type: 'image/png' },
    '/rounded.png': { body: Buffer.from(encodePng(roundCorners(photoLike(4096, 2304, 2), 96), 6)), type: 'image/png' },
  };
  regions.forEach((region, i) => {
    files[`/${region.name}.png`] = { body: Buffer.from(region.mask), type: 'image/png' };
    files[`/${region.name}-answer.png`] = { body: Buffer.from(answers[i]!), type: 'image/png' };
  });
  const browser = await launchBrowserAsync();
  try {
    const page = await openModulePageAsync(browser, ENTRY, 'benchPanel', files);
    const regional = (frame: string, name: string, n: number) =>
      page.evaluate(
        ([f, m, k]) =>
          (window as unknown as { benchPanel: BenchPage }).benchPanel.regional(f, `${m}.png`, `${m}-answer.png`, k),
        [frame, name, n] as const,
      );
    const row = (label: string, times: number[]) =>
      `| ${label} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} |`;
    const lines = [
      `1920×1080 frame exported at 4096×2304 (${mb(source.length)}); each region's answer at the size its plan asks ` +
        `Nano Banana 2 for; ` +
        `${runs} runs on ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
      '',
      '| panel step (Chromium, the panel’s own code) | median | p95 |',
      '| --- | --- | --- |',
    ];
    for (const [i, { name, label }] of regions.entries()) {
      const answer = readImageHeader(answers[i]!)!;
      for (const frame of frames) {
        const { steps, result, crop } = await regional(frame.file, name, 1 + runs);
        // The first run warms the page up; it is left out.
        const t = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.slice(1)])) as Steps;
        lines.push(
          `| **${label}, ${frame.label}**; crop ${JSON.stringify(crop)} | | |`,
          row('before sending: decode export + mask, plan, crop and scene', t.prepare),
          row(`after the answer: decode the ${answer.width}×${answer.height} answer into the crop`, t.patch),
          row('after the answer: composite through the mask', t.composite),
          row(`after the answer: encode the 4096×2304 result PNG (${mb(result)})`, t.encode),
          row('**after the answer, all**', t.finish),
        );
      }
    }
    const fit = await page.evaluate(
      (n) => (window as unknown as { benchPanel: BenchPage }).benchPanel.fit(n),
      1 + runs,
    );
    lines.push(
      row(
        'whole-frame fit in a canvas (decode a 5504×3072 answer, cover-crop, downscale to 4096, encode)',
        fit.slice(1),
      ),
    );
    return lines;
  } finally {
    await browser.close();
  }
}
