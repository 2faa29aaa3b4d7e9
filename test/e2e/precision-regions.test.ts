/**
 * Regional edits end to end in real Chromium: the playground runs the real sandbox bundle on the Figma double
 * and the real panel in its sandboxed iframe, against the real proxy in offline mode (its Gemini double edits the
 * last image it is sent: a tint, a badge top-left and a stripe along the bottom). A regional edit through a pen path
 * drawn with the playground's Pen tool, and through a rotated ellipse made on `window.figma`: every pixel outside the
 * shape is the source's, byte for byte (both exported by the double with the same settings; PNGs decoded with
 * core/png.ts, the shape rasterized independently with core/region-shape.ts).
 */
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { rasterizeShape, type ShapeDescription } from '../../core/region-shape.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import { answered, page, pg, productIdAsync, recordOf, sent, usePrecisionPlayground } from './precision-fixtures.js';

usePrecisionPlayground();

/** The product shot: 600 × 600 at (640, 0), exported at 2× (no export settings). */
const PRODUCT = { x: 640, y: 0, size: 600 };
const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function exportGridAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

/** Screen position of a page point on the playground's canvas. */
async function screenPointsAsync(points: readonly [number, number][]): Promise<[number, number][]> {
  return page.evaluate(
    (list) => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const box = document.querySelector('#canvas')!.getBoundingClientRect();
      const { x: cx, y: cy } = figma.viewport.center;
      const z = figma.viewport.zoom;
      return list.map(([x, y]) => [(x - cx) * z + box.width / 2 + box.left, (y - cy) * z + box.height / 2 + box.top]);
    },
    points as [number, number][],
  );
}

/**
 * Compares the result with the source outside the shape: pixels farther than 2 px from the shape (rasterized
 * independently of Figma) must be identical bytes; deep inside, the answer shows.
 */
function compareOutside(source: RgbaImage, result: RgbaImage, shape: ShapeDescription) {
  expect([result.width, result.height]).toEqual([source.width, source.height]);
  const { width, height } = source;
  const mask = rasterizeShape(width, height, shape);
  const near = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const px = x + dx;
        const py = y + dy;
        if (px >= 0 && py >= 0 && px < width && py < height && mask.alpha[py * width + px] !== 0) return true;
      }
    }
    return false;
  };
  let outside = 0;
  let outsideChanged = 0;
  let insideChanged = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const same = [0, 1, 2, 3].every((k) => result.data[i + k] === source.data[i + k]);
      if (mask.alpha[y * width + x] === 255 && !same) insideChanged++;
      if (near(x, y)) continue;
      outside++;
      if (!same) outsideChanged++;
    }
  }
  return { outside, outsideChanged, insideChanged };
}

describe('regional edits in the playground', () => {
  it(
    'a pen path drawn with the Pen tool over the product shot: only its inside changes',
    { timeout: 120_000 },
    async () => {
      const product = await productIdAsync();
      // A concave lasso over the bottle, drawn by dragging the Pen tool across the canvas.
      const lasso: [number, number][] = [
        [760, 140],
        [1080, 120],
        [1120, 300],
        [960, 250],
        [900, 420],
        [1060, 480],
        [800, 520],
      ];
      await page.locator('button[data-tool=pen]').click();
      const screen = await screenPointsAsync(lasso);
      await page.mouse.move(...screen[0]!);
      await page.mouse.down();
      for (const point of screen.slice(1)) await page.mouse.move(...point, { steps: 4 });
      await page.mouse.up();
      const path = (await pg.nodes()).find((n) => n.type === 'VECTOR')!;
      expect(path.name).toBe('Path 1');
      const before = await pg.nodes();
      const sourcePixels = await exportGridAsync(product);

      await pg.select([product, path.id]);
      await pg.panel.locator('[data-role=region]').getByText('Path 1').waitFor();
      // A region's ratio and size come from the crop around it, decided when Generate is pressed.
      await expect.poll(() => pg.panel.locator('.readout').innerText()).toBe('Shape’s crop at 2×');
      await pg.generate('a red armchair');
      const result = await pg.waitForNewTopLayer(before);
      expect(result.name).toBe('Product shot — a red armchair');
      expect([result.width, result.height]).toEqual([600, 600]);
      expect(result.x).toBeGreaterThanOrEqual(PRODUCT.x + PRODUCT.size);

      // What went over the wire: the crop to edit last, a "change only" instruction, the crop's own ratio.
      const request = sent.at(-1)!;
      expect(request.images!.at(-1)!.role).toBe('base');
      expect(request.prompt).toMatch(
        /change only the area .*: a red armchair\. Keep everything else in the image exactly the same/,
      );
      const record = await recordOf(result.id);
      expect(record.region).toMatchObject({ nodeId: path.id });
      expect(record.params.aspectRatio).toBe(request.aspectRatio);

      const counts = compareOutside(sourcePixels, await exportGridAsync(result.id), {
        kind: 'polygon',
        points: lasso.map(([x, y]) => [(x - PRODUCT.x) * 2, (y - PRODUCT.y) * 2] as const),
      });
      expect(counts.outside).toBeGreaterThan(800_000);
      expect(counts.outsideChanged).toBe(0);
      expect(counts.insideChanged).toBeGreaterThan(50_000);
      // The answer composited was Gemini 3's JPEG; the composite is a PNG, byte-exact outside the shape.
      await expect.poll(() => answered.length).toBe(1);
      expect(answered[0]?.mimeType).toBe('image/jpeg');
      expect(readImageHeader(Buffer.from((await pg.imageFillBytes(result.id)) ?? '', 'base64'))?.mimeType).toBe(
        'image/png',
      );
      // Only the result was added; the product shot and the path are exactly as they were.
      const after = await pg.nodes();
      for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
      expect(after.filter((n) => !before.some((b) => b.id === n.id)).map((n) => n.id)).toEqual([result.id]);
      expect(await exportGridAsync(product)).toEqual(sourcePixels);

      // For the screenshot: the source with its shape and the result side by side, the panel set up for the edit.
      await page.evaluate(() => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        figma.viewport.center = { x: 1240, y: 300 };
        figma.viewport.zoom = 0.62;
      });
      await pg.select([product, path.id]);
      await pg.panel.locator('[data-role=region]').waitFor();
      await pg.panel.locator('body').evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTIFACTS_DIR}regional-edit.png` });
    },
  );

  it('a rotated ellipse made on window.figma, running off the top edge', { timeout: 120_000 }, async () => {
    const product = await productIdAsync();
    const ellipse = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      const node = figma.createEllipse();
      node.resize(260, 140);
      node.x = 820;
      node.y = -40;
      node.rotation = -25;
      node.fills = [{ type: 'SOLID', color: { r: 1, g: 0.2, b: 0.2 }, opacity: 0.4 }];
      const [[a, , e], [b, , f]] = node.absoluteTransform;
      return { id: node.id, a, b, e, f };
    });
    const before = await pg.nodes();
    const sourcePixels = await exportGridAsync(product);
    await pg.select([product, ellipse.id]);
    await pg.panel.locator('[data-role=region]').waitFor();
    await pg.generate('snow on the ground');
    const result = await pg.waitForNewTopLayer(before);
    const { a, b, e, f } = ellipse;
    const counts = compareOutside(sourcePixels, await exportGridAsync(result.id), {
      kind: 'ellipse',
      cx: (e + a * 130 - b * 70 - PRODUCT.x) * 2,
      cy: (f + b * 130 + a * 70 - PRODUCT.y) * 2,
      rx: 260,
      ry: 140,
      rotation: (Math.atan2(b, a) * 180) / Math.PI,
    });
    expect(counts.outsideChanged).toBe(0);
    expect(counts.insideChanged).toBeGreaterThan(20_000);
    expect(answered.map((image) => image.mimeType)).toEqual(['image/jpeg']);
  });
});
