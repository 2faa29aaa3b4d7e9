/**
 * The Figma double's `exportAsync` and the tree and settings: clipping, hidden children, constraints, bounds, rotation,
 * contentsOnly, JPG, determinism, and the formats it does not implement.
 */
import { decode as decodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { createFigmaDouble, createSampleDocument } from '../../dev/figma-double/index.js';
import { BLUE, exportPng, frame, GREEN, pixel, rect, RED, setup, solid } from './figma-double-export-fixtures.js';

describe('exportAsync: structure and settings', () => {
  it('clips children to a frame with clipsContent, and not without it', async () => {
    const figma = setup();
    const outer = frame(figma, 200, 100);
    const inner = figma.createFrame();
    outer.appendChild(inner);
    inner.resize(100, 100);
    inner.fills = solid(GREEN);
    rect(inner, 80, 40, 50, 20, RED);
    expect(pixel(await exportPng(outer), 120, 50)).toEqual([255, 255, 255, 255]);
    expect(pixel(await exportPng(outer), 90, 50)).toEqual([255, 0, 0, 255]);
    inner.clipsContent = false;
    expect(pixel(await exportPng(outer), 120, 50)).toEqual([255, 0, 0, 255]);
  });

  it('does not draw hidden children', async () => {
    const figma = setup();
    const f = frame(figma, 50, 50);
    const child = rect(f, 0, 0, 50, 50, RED);
    expect(pixel(await exportPng(f), 25, 25)).toEqual([255, 0, 0, 255]);
    child.visible = false;
    expect(pixel(await exportPng(f), 25, 25)).toEqual([255, 255, 255, 255]);
  });

  it.each([
    [{ type: 'SCALE', value: 2 }, 200, 100, [150, 50]],
    [{ type: 'SCALE', value: 0.5 }, 50, 25, [38, 12]],
    [{ type: 'WIDTH', value: 300 }, 300, 150, [225, 75]],
    [{ type: 'HEIGHT', value: 20 }, 40, 20, [30, 10]],
  ] as const)('constraint %j gives %d×%d', async (constraint, width, height, [bx, by]) => {
    const figma = setup();
    const f = frame(figma, 100, 50, RED);
    rect(f, 50, 0, 50, 50, BLUE);
    const image = await exportPng(f, { format: 'PNG', constraint });
    expect([image.width, image.height]).toEqual([width, height]);
    expect(pixel(image, 1, 1)).toEqual([255, 0, 0, 255]);
    expect(pixel(image, bx, by)).toEqual([0, 0, 255, 255]);
  });

  it('useAbsoluteBounds exports the box; by default overflow and outside strokes are included', async () => {
    const figma = setup();
    const f = frame(figma, 100, 100, RED);
    f.clipsContent = false;
    rect(f, 80, 0, 50, 10, BLUE);
    f.strokes = solid(GREEN);
    f.strokeWeight = 2;
    f.strokeAlign = 'OUTSIDE';
    const full = await exportPng(f);
    expect([full.width, full.height]).toEqual([132, 104]);
    expect(pixel(full, 0, 50)).toEqual([0, 255, 0, 255]);
    expect(pixel(full, 125, 5)).toEqual([0, 0, 255, 255]);
    const box = await exportPng(f, { format: 'PNG', useAbsoluteBounds: true });
    expect([box.width, box.height]).toEqual([100, 100]);
    expect(pixel(box, 0, 50)).toEqual([255, 0, 0, 255]);
  });

  it('rotates an ellipse by its transform (90°, about its top-left corner)', async () => {
    const figma = setup();
    const f = frame(figma, 300, 300);
    const e = figma.createEllipse();
    f.appendChild(e);
    e.resize(200, 100);
    e.x = 50;
    e.y = 250;
    e.rotation = 90;
    e.fills = solid(BLUE);
    expect(e.absoluteBoundingBox).toEqual({ x: 50, y: 50, width: 100, height: 200 });
    const image = await exportPng(f);
    const inside = [
      [100, 150],
      [100, 60],
      [100, 240],
      [55, 150],
      [145, 150],
    ];
    const outside = [
      [155, 150],
      [100, 45],
      [140, 60],
      [60, 240],
    ];
    for (const [x, y] of inside) expect(pixel(image, x!, y!), `${x},${y}`).toEqual([0, 0, 255, 255]);
    for (const [x, y] of outside) expect(pixel(image, x!, y!), `${x},${y}`).toEqual([255, 255, 255, 255]);
    const alone = await exportPng(e);
    expect([alone.width, alone.height]).toEqual([100, 200]);
  });

  it('contentsOnly: false includes other layers over the same area', async () => {
    const figma = setup();
    const f = frame(figma, 100, 100, RED);
    const cover = figma.createRectangle();
    cover.resize(50, 50);
    cover.fills = solid(BLUE);
    expect(pixel(await exportPng(f), 10, 10)).toEqual([255, 0, 0, 255]);
    expect(pixel(await exportPng(f, { format: 'PNG', contentsOnly: false }), 10, 10)).toEqual([0, 0, 255, 255]);
  });

  it('exports JPG flattened on white', async () => {
    const figma = setup();
    const r = figma.createEllipse();
    r.resize(40, 40);
    r.fills = solid(RED);
    const bytes = await r.exportAsync({ format: 'JPG' });
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    const jpeg = decodeJpeg(bytes, { useTArray: true });
    expect([jpeg.width, jpeg.height]).toEqual([40, 40]);
    const corner = [...jpeg.data.subarray(0, 3)];
    expect(corner.every((v) => v > 240)).toBe(true);
    const centre = (20 * 40 + 20) * 4;
    expect(jpeg.data[centre]).toBeGreaterThan(230);
    expect(jpeg.data[centre + 1]).toBeLessThan(25);
  });

  it('is deterministic: the same document gives the same bytes, in two doubles', async () => {
    const a = createFigmaDouble();
    const b = createFigmaDouble();
    const first = await createSampleDocument(a.figma).poster.exportAsync();
    const again = await createSampleDocument(a.figma).poster.exportAsync();
    const other = await createSampleDocument(b.figma).poster.exportAsync();
    expect(again).toEqual(first);
    expect(other).toEqual(first);
  });

  it('exports the sample poster at 2× as 1080 × 1350', async () => {
    const { figma } = createFigmaDouble();
    const { poster } = createSampleDocument(figma);
    const image = await exportPng(poster, { format: 'PNG', constraint: { type: 'SCALE', value: 2 } });
    expect([image.width, image.height]).toEqual([1080, 1350]);
    // Top-left of the sunset background image.
    expect(pixel(image, 0, 0)).toEqual([255, 150, 90, 255]);
  });

  it.each(['SVG', 'PDF', 'SVG_STRING', 'JSON_REST_V1'] as const)(
    'rejects format %s as not implemented',
    async (format) => {
      const figma = setup();
      await expect(figma.createFrame().exportAsync({ format } as ExportSettingsSVG)).rejects.toThrow(
        /not implemented by the Figma double/,
      );
    },
  );
});
