/**
 * The panel's own time for Expand and Boost resolution at 4K, in Chromium (docs/image-tools.md), Gemini's time left
 * out: the panel's real code (core/expand-composite.ts, ui/image/canvas-codec.ts, ui/image/canvas-fitter.ts) bundled
 * and run in a page of Debian's Chromium, as bench/panel-image.ts does for the regional edit.
 * - Expand: a 2304×2304 export (a 1152 pt square at 2×) grown to 16:9, a 4096×2304 result; the answer is Gemini 3's
 *   4K 16:9 JPEG (5504×3072). Before sending: decode the export, pad it, encode the PNG sent. After the answer:
 *   decode it, composite (the export copied back byte for byte, the seam feathered), encode the result PNG.
 * - Boost: a 1024×1024 image boosted to 4K: decode the 4096×4096 JPEG answer, fit it, encode it for Figma.
 * Median and p95 of several runs, the first (warm-up) left out.
 */
import { cpus, loadavg } from 'node:os';
import jpeg from 'jpeg-js';
import { encodePng } from '../core/png.js';
import { launchBrowserAsync } from '../test/support/browser.js';
import { openModulePageAsync } from '../test/support/module-page.js';
import { photoLike } from './panel-image.js';
import { fmt, mb, percentile } from './stats.js';

const ENTRY = `
import { compositeExpand, expandLayout, expandSendImage } from './core/expand-composite.ts';
import { canvasCodec as codec } from './ui/image/canvas-codec.ts';
import { fitImageWithCanvasAsync } from './ui/image/canvas-fitter.ts';

const bytesOf = async (name) => new Uint8Array(await (await fetch(name)).arrayBuffer());
const plan = { canvas: { width: 2048, height: 1152 }, original: { x: 448, y: 0, width: 1152, height: 1152 }, aspectRatio: '16:9' };

window.benchTools = {
  async expand(runs) {
    const [source, answer] = await Promise.all(['expand-source.png', 'expand-answer.jpg'].map(bytesOf));
    const steps = { before: [], after: [] };
    let size = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const pixels = await codec.decodeExact(source);
      const layout = expandLayout(plan, pixels.width, pixels.height);
      await codec.encodeExact(expandSendImage(pixels, layout, 2752, 1548));
      const t1 = performance.now();
      const patch = await codec.decodePatch(answer, layout.sent.width, layout.sent.height);
      if (!patch.ok) throw new Error(patch.error.message);
      const png = await codec.encodeExact(compositeExpand(pixels, patch.value, layout));
      const t2 = performance.now();
      steps.before.push(t1 - t0);
      steps.after.push(t2 - t1);
      size = png.length;
    }
    return { steps, size };
  },
  async boost(runs) {
    const answer = await bytesOf('boost-answer.jpg');
    const times = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const fitted = await fitImageWithCanvasAsync(answer, 'image/jpeg', { width: 1024, height: 1024, scale: 4 });
      times.push(performance.now() - t0);
      if (!fitted.ok || fitted.value.width !== 4096) throw new Error('the fit failed');
    }
    return times;
  },
};
`;

interface BenchPage {
  expand(runs: number): Promise<{ steps: { before: number[]; after: number[] }; size: number }>;
  boost(runs: number): Promise<number[]>;
}

export async function benchPanelTools(runs = 5): Promise<string[]> {
  const source = encodePng(photoLike(2304, 2304, 3), 6);
  const expandAnswer = jpeg.encode(photoLike(5504, 3072, 4), 90).data;
  const boostAnswer = jpeg.encode(photoLike(4096, 4096, 5), 90).data;
  const browser = await launchBrowserAsync();
  try {
    const page = await openModulePageAsync(browser, ENTRY, 'benchTools', {
      '/expand-source.png': { body: Buffer.from(source), type: 'image/png' },
      '/expand-answer.jpg': { body: Buffer.from(expandAnswer), type: 'image/jpeg' },
      '/boost-answer.jpg': { body: Buffer.from(boostAnswer), type: 'image/jpeg' },
    });
    const expand = await page.evaluate(
      (n) => (window as unknown as { benchTools: BenchPage }).benchTools.expand(n),
      1 + runs,
    );
    const boost = await page.evaluate(
      (n) => (window as unknown as { benchTools: BenchPage }).benchTools.boost(n),
      1 + runs,
    );
    const row = (label: string, times: number[]) =>
      `| ${label} | ${fmt(percentile(times.slice(1), 50))} | ${fmt(percentile(times.slice(1), 95))} |`;
    return [
      `${runs} runs on ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
      '',
      '| panel step (Chromium, the panel’s own code) | median | p95 |',
      '| --- | --- | --- |',
      row(
        `Expand, before sending: decode the 2304×2304 export (${mb(source.length)}), pad to 16:9, encode`,
        expand.steps.before,
      ),
      row(
        `Expand, after the answer: decode the 5504×3072 JPEG, composite, encode the 4096×2304 result (${mb(expand.size)})`,
        expand.steps.after,
      ),
      row('Boost to 4K, after the answer: decode the 4096×4096 JPEG, fit, encode for Figma', boost),
    ];
  } finally {
    await browser.close();
  }
}
