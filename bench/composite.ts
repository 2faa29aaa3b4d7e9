/**
 * Regional-edit compositing in Node (the same pure code the panel runs): a 4096×4096 frame composited through a
 * rotated ellipse with a 4K answer, and a small region. Median of several runs.
 */
import { compositeThroughMask, REGION_FEATHER_PX } from '../core/composite-through-mask.js';
import { createImage } from '../core/png.js';
import { maskBounds } from '../core/region-mask.js';
import { rasterizeShape } from '../core/region-shape.js';
import { fmt, percentile } from './stats.js';

export async function benchComposite(runs = 5): Promise<string[]> {
  const source = createImage(4096, 4096, [30, 60, 90, 255]);
  const answer = createImage(5504, 3072, [200, 100, 50, 255]);
  const ellipse = rasterizeShape(
    4096,
    4096,
    { kind: 'ellipse', cx: 2048, cy: 2048, rx: 2000, ry: 1500, rotation: 20 },
    1,
  );
  const small = rasterizeShape(4096, 4096, { kind: 'rectangle', x: 1000, y: 1000, width: 300, height: 200 }, 1);
  const cases: [string, () => void][] = [
    [
      '4096² frame, rotated ellipse, 5504×3072 answer',
      () =>
        compositeThroughMask(source, answer, { x: 0, y: 848, width: 4096, height: 2304 }, ellipse, REGION_FEATHER_PX),
    ],
    [
      '4096² frame, 300×200 region',
      () => compositeThroughMask(source, answer, maskBounds(small)!, small, REGION_FEATHER_PX),
    ],
  ];
  const lines = ['| compositing (Node, pure code) | median | p95 |', '| --- | --- | --- |'];
  for (const [label, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    lines.push(`| ${label} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} |`);
  }
  return lines;
}
