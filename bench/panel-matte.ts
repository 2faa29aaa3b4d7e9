/**
 * The panel's own time for the matte tools at 4K, in Chromium (docs/image-tools.md), Gemini's time excluded: the
 * panel's real modules bundled and run in a page of Debian's Chromium (as bench/panel-image.ts does), for a 1920×1080
 * frame exported at 4096×2304.
 * - Remove background: before sending (decode the export, shrink it to 1024 px and encode it to send); after the
 *   answer (decode three mask PNGs, build the matte over 4096×2304, apply it, encode the cut-out losslessly with its
 *   alpha).
 * - Erase: the regional path it is (prepare: decode the export and the mask, plan, crop; finish: decode the answer into
 *   the crop, composite through the mask, encode), for an ellipse over a tenth of the frame.
 * Median and p95 of several runs, the first left out.
 */
import { cpus, loadavg } from 'node:os';
import { createImage, encodePng, type RgbaImage } from '../core/png.js';
import { readImageHeader } from '../core/image-header.js';
import { launchBrowserAsync } from '../test/support/browser.js';
import { shapeMaskImage } from '../test/core/region-test-images.js';
import { openModulePageAsync, type ServedFile } from '../test/support/module-page.js';
import { publicModels } from '../test/ui/fixtures.js';
import { pureCodec } from '../ui/image/pixel-codec.js';
import { prepareRegionEditAsync } from '../ui/image/region-edit.js';
import { fmt, mb, percentile } from './stats.js';

const ENTRY = `
import registry from './config/models.json';
import { applyMatte } from './core/apply-matte.ts';
import { matteAlpha } from './core/matte-alpha.ts';
import { decodePng } from './core/png.ts';
import { canvasCodec as codec } from './ui/image/canvas-codec.ts';
import { finishRegionEditAsync, prepareRegionEditAsync } from './ui/image/region-edit.ts';

const model = registry.models.find((m) => m.id === 'gemini-3.1-flash-image');
const bytesOf = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
const boxes = [[100, 300, 900, 700], [150, 100, 450, 280], [500, 720, 950, 950]];

window.benchMatte = {
  async removeBackground(runs) {
    const [source, ...masks] = await Promise.all(['source.png', 'mask0.png', 'mask1.png', 'mask2.png'].map(bytesOf));
    const steps = { send: [], matte: [], encode: [], after: [] };
    let size = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const image = await codec.decodeExact(source);
      const whole = { x: 0, y: 0, width: image.width, height: image.height };
      await codec.encodeToSend(image, whole, 1024, 576);
      const t1 = performance.now();
      const decoded = masks.map((bytes, i) => {
        const png = decodePng(bytes);
        const probability = new Uint8Array(png.width * png.height);
        for (let p = 0; p < probability.length; p++) probability[p] = png.data[p * 4];
        return { box: boxes[i], width: png.width, height: png.height, probability };
      });
      const cut = applyMatte(image, matteAlpha(image.width, image.height, decoded));
      const t2 = performance.now();
      const png = await codec.encodeExact(cut);
      const t3 = performance.now();
      steps.send.push(t1 - t0);
      steps.matte.push(t2 - t1);
      steps.encode.push(t3 - t2);
      steps.after.push(t3 - t1);
      size = png.length;
    }
    return { steps, size };
  },
  async erase(runs) {
    const [source, mask, answer] = await Promise.all(['source.png', 'erase-mask.png', 'erase-answer.png'].map(bytesOf));
    const steps = { prepare: [], finish: [] };
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const prepared = await prepareRegionEditAsync(codec, source, mask, model);
      const t1 = performance.now();
      if (!prepared.ok) throw new Error(prepared.error.message);
      const finished = await finishRegionEditAsync(codec, prepared.value, answer);
      const t2 = performance.now();
      if (!finished.ok) throw new Error(finished.error.message);
      steps.prepare.push(t1 - t0);
      steps.finish.push(t2 - t1);
    }
    return steps;
  },
};
`;

/** A photo-like image: smooth light and colour with fine grain, so PNG sizes and inflate work are realistic. */
function photoLike(width: number, height: number, seed: number): RgbaImage {
  const image = createImage(width, height);
  let state = seed >>> 0;
  for (let i = 0; i < width * height; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const x = i % width;
    const y = (i - x) / width;
    const grain = (state >>> 28) - 8;
    image.data.set(
      [90 + (120 * x) / width + grain, 60 + (140 * y) / height + grain, 150 - (80 * x) / width + grain, 255],
      i * 4,
    );
  }
  return image;
}

/** A soft disc probability map of `width` × `height`, as a grey PNG (what Gemini sends for one object). */
function probabilityPng(width: number, height: number): Uint8Array {
  const image = createImage(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot((x + 0.5) / width - 0.5, (y + 0.5) / height - 0.5);
      const v = Math.round(Math.max(0, Math.min(1, (0.45 - d) * 40)) * 255);
      image.data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return encodePng(image, 6);
}

interface BenchPage {
  removeBackground(
    runs: number,
  ): Promise<{ steps: Record<'send' | 'matte' | 'encode' | 'after', number[]>; size: number }>;
  erase(runs: number): Promise<Record<'prepare' | 'finish', number[]>>;
}

export async function benchPanelMatte(runs = 5): Promise<string[]> {
  const source = encodePng(photoLike(4096, 2304, 2), 6);
  const eraseMask = encodePng(shapeMaskImage(4096, 2304, { kind: 'ellipse', cx: 2600, cy: 1200, rx: 700, ry: 420 }), 6);
  const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;
  const prepared = await prepareRegionEditAsync(pureCodec, source, eraseMask, flash);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const { imageSize, aspectRatio } = prepared.value.plan;
  const [aw, ah] = flash.dimensions[imageSize ?? flash.defaultImageSize]![aspectRatio]!;
  const eraseAnswer = encodePng(photoLike(aw, ah, 7), 6);
  const files: Record<string, ServedFile> = {
    '/source.png': { body: Buffer.from(source), type: 'image/png' },
    '/mask0.png': { body: Buffer.from(probabilityPng(410, 460)), type: 'image/png' },
    '/mask1.png': { body: Buffer.from(probabilityPng(184, 173)), type: 'image/png' },
    '/mask2.png': { body: Buffer.from(probabilityPng(236, 259)), type: 'image/png' },
    '/erase-mask.png': { body: Buffer.from(eraseMask), type: 'image/png' },
    '/erase-answer.png': { body: Buffer.from(eraseAnswer), type: 'image/png' },
  };
  const browser = await launchBrowserAsync();
  try {
    const page = await openModulePageAsync(browser, ENTRY, 'benchMatte', files);
    const cut = await page.evaluate(
      (n) => (window as unknown as { benchMatte: BenchPage }).benchMatte.removeBackground(n),
      1 + runs,
    );
    const erase = await page.evaluate(
      (n) => (window as unknown as { benchMatte: BenchPage }).benchMatte.erase(n),
      1 + runs,
    );
    const row = (label: string, times: number[]) =>
      `| ${label} | ${fmt(percentile(times.slice(1), 50))} | ${fmt(percentile(times.slice(1), 95))} |`;
    const answer = readImageHeader(eraseAnswer)!;
    return [
      `1920×1080 frame exported at 4096×2304 (${mb(source.length)}); Gemini's time excluded; ` +
        `${runs} runs on ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
      '',
      '| panel step (Chromium, the panel’s own code) | median | p95 |',
      '| --- | --- | --- |',
      '| **Remove background** | | |',
      row('before sending: decode the export, shrink to 1024×576, encode to send', cut.steps.send),
      row('after the answer: decode 3 masks, build the 4096×2304 matte, apply it', cut.steps.matte),
      row(`after the answer: encode the cut-out with its alpha (${mb(cut.size)})`, cut.steps.encode),
      row('**after the answer, all**', cut.steps.after),
      `| **Erase** (ellipse over a tenth of the frame; answer ${answer.width}×${answer.height}) | | |`,
      row('before sending: decode export + mask, plan, crop', erase.prepare),
      row('after the answer: decode into the crop, composite through the mask, encode', erase.finish),
    ];
  } finally {
    await browser.close();
  }
}
