/**
 * Regional edits on the Figma double, sandbox and panel logic together in Node: the real sandbox code
 * answers EXPORT_SOURCE and EXPORT_REGION_MASK, the panel's real image code (ui/image/region-edit.ts) plans the crop
 * and composites a stand-in answer through the mask, and PLACE_RESULT puts the result on the canvas. Then the result
 * layer is exported as Figma would export it, and **every pixel outside the shape must equal the source export, byte
 * for byte**, for several shapes: a rotated ellipse, a concave pen path inside the frame, a rectangle running off
 * the frame's edge, a star, an open pen path, and a frame with transparent and semi-transparent pixels.
 */
import { describe, expect, it } from 'vitest';
import { rasterizeShape } from '../../core/region-shape.js';
import { pngExportSettings } from '../../plugin/export-png.js';
import { startPlugin } from './harness.js';
import {
  compare,
  describe1,
  expectMasksAgree,
  expectOnlyResultAdded,
  regionalEditAsync,
} from './regional-edit-fixtures.js';

describe('regional edit, byte for byte outside the shape', { timeout: 90_000 }, () => {
  it('a rotated ellipse drawn over the product shot (a sibling on the page)', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const ellipse = h.figma.createEllipse();
    ellipse.resize(240, 120);
    ellipse.x = 900;
    ellipse.y = 150;
    ellipse.rotation = 30;
    ellipse.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 0.3 }];
    ellipse.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }];
    const shapeBefore = JSON.stringify({ ...describe1(h, ellipse.id), fills: ellipse.fills, strokes: ellipse.strokes });
    const before = h.double.describeNodes();

    const edit = await regionalEditAsync(h, source, ellipse, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    expect(counts.inside).toBeGreaterThan(10_000);
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    // The result is exactly the panel's composite: Figma's image fill at the export scale adds nothing.
    expect(edit.result.data).toEqual(edit.composite.data);
    expect([edit.placed.width, edit.placed.height]).toEqual([600, 600]);
    expect(edit.placed.x).toBeGreaterThanOrEqual(source.x + source.width);

    // The mask is the ellipse itself (translucent fill and stroke notwithstanding), on the source's grid.
    const [[a, , e], [b, , f]] = ellipse.absoluteTransform;
    const expected = rasterizeShape(1200, 1200, {
      kind: 'ellipse',
      cx: (e + a * 120 - b * 60 - source.x) * 2,
      cy: (f + b * 120 + a * 60 - source.y) * 2,
      rx: 240,
      ry: 120,
      rotation: (Math.atan2(b, a) * 180) / Math.PI,
    });
    expectMasksAgree(edit.mask, expected);
    expect(JSON.stringify({ ...describe1(h, ellipse.id), fills: ellipse.fills, strokes: ellipse.strokes })).toBe(
      shapeBefore,
    );
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a concave pen path drawn inside the poster (a child, hidden from the export on a copy)', async () => {
    const h = startPlugin();
    const source = h.sample.poster;
    const path = h.figma.createVector();
    // A "C": concave, so the crop holds pixels between its arms that must not change.
    const points: [number, number][] = [
      [100, 60],
      [420, 60],
      [420, 140],
      [200, 140],
      [200, 300],
      [420, 300],
      [420, 380],
      [100, 380],
    ];
    path.vectorPaths = [{ windingRule: 'NONZERO', data: `M ${points.map((p) => p.join(' ')).join(' L ')} Z` }];
    path.fills = [{ type: 'SOLID', color: { r: 0.2, g: 0.8, b: 0.2 } }];
    source.appendChild(path);
    path.x = 100;
    path.y = 60;
    const before = h.double.describeNodes();
    const pixelsBefore = await source.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }));

    const edit = await regionalEditAsync(h, source, path, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    // The source export did not show the shape: between the arms, and around it, is the poster itself.
    const expected = rasterizeShape(1080, 1350, { kind: 'polygon', points: points.map(([x, y]) => [x * 2, y * 2]) });
    expectMasksAgree(edit.mask, expected);
    const centre = (260 * 1080 + 300) * 4; // (300, 260) in export pixels: between the arms
    expect(Array.from(edit.source.data.subarray(centre, centre + 4))).not.toEqual([51, 204, 51, 255]);
    // The poster, its shape and its texts are as they were.
    expect(await source.exportAsync(pngExportSettings({ type: 'SCALE', value: 1 }))).toEqual(pixelsBefore);
    expect(path.visible).toBe(true);
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a rectangle running off the frame’s left edge: edited right up to the edge', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const rect = h.figma.createRectangle();
    rect.resize(300, 200);
    rect.x = source.x - 100;
    rect.y = 350;
    const before = h.double.describeNodes();
    const edit = await regionalEditAsync(h, source, rect, 1);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    // The frame's edge is not an edge of the shape: the first column inside the region is the answer's.
    const row = 450 * 600 * 4;
    expect(Array.from(edit.result.data.subarray(row, row + 4))).not.toEqual(
      Array.from(edit.source.data.subarray(row, row + 4)),
    );
    expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
    expectOnlyResultAdded(h, before, edit.placed.nodeId);
  });

  it('a star, and an open pen path (filled as Figma fills it)', async () => {
    const h = startPlugin();
    const source = h.sample.productShot;
    const star = h.figma.createStar();
    star.resize(200, 200);
    star.x = 700;
    star.y = 50;
    const open = h.figma.createVector();
    open.vectorPaths = [{ windingRule: 'NONE', data: 'M 0 0 L 150 40 L 60 160' }];
    open.x = 950;
    open.y = 300;
    for (const shape of [star, open]) {
      const before = h.double.describeNodes();
      const edit = await regionalEditAsync(h, source, shape, 1.5);
      const counts = compare(edit);
      expect(counts.outsideChanged).toBe(0);
      expect(counts.inside).toBeGreaterThan(2000);
      expect(counts.insideChanged).toBeGreaterThan(counts.inside * 0.9);
      expectOnlyResultAdded(h, before, edit.placed.nodeId);
    }
    expect(open.vectorPaths[0]!.windingRule).toBe('NONE');
  });

  it('a frame with transparent and semi-transparent pixels keeps them exactly outside the shape', async () => {
    const h = startPlugin();
    const frame = h.figma.createFrame();
    frame.resize(300, 200);
    frame.x = 2000;
    frame.fills = [];
    const dot = h.figma.createEllipse();
    dot.resize(200, 150);
    dot.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.5, b: 0.9 }, opacity: 0.5 }];
    frame.appendChild(dot);
    const rect = h.figma.createRectangle();
    rect.resize(80, 80);
    rect.x = 2100;
    rect.y = 60;
    const edit = await regionalEditAsync(h, frame, rect, 2);
    const counts = compare(edit);
    expect(counts.outsideChanged).toBe(0);
    let transparent = 0;
    let partial = 0;
    for (let i = 3; i < edit.source.data.length; i += 4) {
      if (edit.source.data[i] === 0) transparent++;
      else if (edit.source.data[i]! < 255) partial++;
    }
    expect(transparent).toBeGreaterThan(1000);
    expect(partial).toBeGreaterThan(1000);
  });
});
