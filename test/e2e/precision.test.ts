/**
 * Precise edits end to end in real Chromium: the playground runs the real sandbox bundle on the Figma double
 * and the real panel in its sandboxed iframe, against the real proxy in offline mode (its Gemini double edits the
 * last image it is sent: a tint, a badge top-left and a stripe along the bottom).
 *
 * - A regional edit through a pen path drawn with the playground's Pen tool, and through a rotated ellipse made on
 *   `window.figma`: every pixel outside the shape is the source's, byte for byte (both exported by the double with
 *   the same settings; PNGs decoded with core/png.ts, the shape rasterized independently with core/region-shape.ts).
 * - A poster iterated twice with Keep text editable (the second time with a style preset): each result is a copy of
 *   the frame with its text layers live, and the poster is untouched.
 * - References marked by role in the panel, named by order on the wire; the model's image limit said before sending.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { decodePng, type RgbaImage } from '../../core/png.js';
import type { GeneratedImage, GenerateRequest } from '../../core/proxy-schema.js';
import { rasterizeShape, type ShapeDescription } from '../../core/region-shape.js';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import { ARTIFACTS_DIR } from '../support/browser.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let page: Page;
let pg: Playground;
let sent: GenerateRequest[];
let answered: GeneratedImage[];
usePlaygroundServers('banana-e2e-precision-').pagePerTest((opened) => ({ page, pg, sent, answered } = opened));

const POSTER = '1:2';
/** The product shot: 600 × 600 at (640, 0), exported at 2× (no export settings). */
const PRODUCT = { x: 640, y: 0, size: 600 };
const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function productIdAsync(): Promise<string> {
  return (await pg.nodes()).find((n) => n.name === 'Product shot')!.id;
}

async function exportGridAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

async function recordOf(id: string): Promise<TurnRecord> {
  return JSON.parse((await pg.pluginData(id))[TURN_RECORD_KEY]!) as TurnRecord;
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

describe('posters: Keep text editable', () => {
  it(
    'iterates a poster twice; each result is a copy of the frame with its text live, the poster untouched',
    { timeout: 120_000 },
    async () => {
      const before = await pg.nodes();
      const posterPixels = await pg.exportPng(POSTER);
      await pg.select([POSTER]);
      const keep = pg.panel.getByLabel('Keep text editable');
      await keep.waitFor();
      expect(await keep.isChecked()).toBe(true);
      await expect.poll(() => pg.panel.locator('.readout').innerText()).toBe('4:5 · 1K at 2×');
      await pg.generate('warm evening light');
      const first = await pg.waitForNewTopLayer(before);
      expect(sent.at(-1)!.prompt).toMatch(
        /^warm evening light\n\nThis is a layout with live text set on top of the image: the headline "Summer Sale"/,
      );

      // The second turn: a style preset, one click away.
      await pg.panel.getByRole('button', { name: 'Watercolour' }).click();
      await expect
        .poll(() => pg.panel.getByRole('textbox', { name: 'Prompt' }).inputValue())
        .toMatch(/^Watercolour style: transform the provided image into a watercolour painting/);
      const middle = await pg.nodes();
      await pg.panel.getByRole('button', { name: 'Generate' }).click();
      const second = await pg.waitForNewTopLayer(middle);
      expect((await recordOf(second.id)).parentId).toBe((await recordOf(first.id)).id);
      // Both answers were Gemini 3's JPEG, placed under the live text.
      await expect.poll(() => answered.length).toBe(2);
      expect(answered.map((image) => image.mimeType)).toEqual(['image/jpeg', 'image/jpeg']);

      const after = await pg.nodes();
      for (const result of [first, second]) {
        expect(result.type).toBe('FRAME');
        expect([result.width, result.height]).toEqual([540, 675]);
        expect(after.filter((n) => n.parentId === result.id).map((n) => [n.type, n.name])).toEqual([
          ['TEXT', 'Headline'],
          ['TEXT', 'Body'],
          ['TEXT', 'CTA'],
        ]);
      }
      // The poster: same properties, same children, same pixels.
      for (const node of before) expect(after.find((n) => n.id === node.id)).toEqual(node);
      expect(await pg.exportPng(POSTER)).toBe(posterPixels);

      // For the screenshot: the poster and both turns in view (the canvas redraws when the selection is set again).
      await page.evaluate(() => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        figma.viewport.center = { x: 1200, y: 338 };
        figma.viewport.zoom = 0.42;
      });
      await pg.select([second.id]);
      await pg.panel.getByText('AI-generated · turn 2.').waitFor();
      await pg.panel.locator('body').evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTIFACTS_DIR}poster-iteration.png` });
    },
  );
});

describe('references with roles', () => {
  it('sends the product shot as a product reference, named by its place', { timeout: 90_000 }, async () => {
    const product = await productIdAsync();
    const before = await pg.nodes();
    await pg.select([product, POSTER]);
    await pg.panel.getByText('the largest frame selected').waitFor();
    await pg.panel.getByLabel('Role of Product shot').selectOption('product');
    await pg.generate('put the bottle in her hand');
    const result = await pg.waitForNewTopLayer(before);
    const request = sent.at(-1)!;
    expect(request.images!.map((i) => i.role)).toEqual(['product', 'base']);
    expect(request.prompt).toMatch(/^The first image shows the product: reproduce it faithfully/);
    expect((await recordOf(result.id)).inputs.map((i) => [i.nodeId, i.role])).toEqual([
      [product, 'product'],
      [POSTER, 'base'],
    ]);
    // The History says what went with the turn, read from its record.
    await pg.panel.getByRole('banner').getByRole('button', { name: 'History' }).click();
    await expect.poll(() => pg.panel.locator('li.turn.current .turn-inputs').innerText()).toBe('with product');
  });

  it('says the model’s image limit before sending anything', { timeout: 60_000 }, async () => {
    const product = await productIdAsync();
    const extra = await page.evaluate(() => {
      const figma = (window as unknown as { figma: PluginAPI }).figma;
      return [0, 1].map((i) => {
        const frame = figma.createFrame();
        frame.name = `Mood ${i + 1}`;
        frame.x = 1400 + i * 150;
        return frame.id;
      });
    });
    await pg.select([POSTER, product, ...extra]);
    await pg.panel.getByLabel('Model').selectOption('gemini-2.5-flash-image');
    const count = sent.length;
    await pg.generate('warmer light');
    await expect
      .poll(() => pg.panel.locator('[role=alert]').innerText())
      .toMatch(/takes at most 3 images; this edit has 4 \(the frame and 3 references\)/);
    expect(sent.length).toBe(count);
  });
});
