/**
 * The Figma double's `exportAsync` drawing shapes and paints: solid colours, opacity, corners and holes, strokes,
 * gradients, text, and image fills in every scale mode.
 */
import { describe, expect, it } from 'vitest';
import { makePngBytes, type Rgba8 } from '../../dev/figma-double/index.js';
import { BLUE, exportPng, frame, GREEN, pixel, rect, RED, setup, solid } from './figma-double-export-fixtures.js';

/** 20×10 PNG: left half red, right half blue. */
const halves = makePngBytes(20, 10, (x): Rgba8 => (x < 10 ? [255, 0, 0, 255] : [0, 0, 255, 255]));

describe('exportAsync: shapes and paints', () => {
  it('exports a solid frame at 1×, with a child on top', async () => {
    const figma = setup();
    const f = frame(figma, 100, 50, RED);
    rect(f, 20, 10, 30, 20, BLUE);
    const image = await exportPng(f);
    expect([image.width, image.height]).toEqual([100, 50]);
    expect(pixel(image, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(pixel(image, 30, 20)).toEqual([0, 0, 255, 255]);
    expect(pixel(image, 50, 20)).toEqual([255, 0, 0, 255]);
  });

  it.each([
    ['paint opacity 0.5', 0.5, 1, [255, 128, 128, 255]],
    ['node opacity 0.5', 1, 0.5, [255, 128, 128, 255]],
    ['both 0.5', 0.5, 0.5, [255, 191, 191, 255]],
  ])('composites %s over white', async (_case, paintOpacity, nodeOpacity, expected) => {
    const figma = setup();
    const f = frame(figma, 10, 10);
    const r = rect(f, 0, 0, 10, 10, RED);
    r.fills = solid(RED, paintOpacity);
    r.opacity = nodeOpacity;
    expect(pixel(await exportPng(f), 5, 5)).toEqual(expected);
  });

  it('applies group opacity to the group as a whole', async () => {
    const figma = setup();
    const f = frame(figma, 40, 20);
    const a = rect(f, 0, 0, 30, 20, BLUE);
    const b = rect(f, 10, 0, 30, 20, RED);
    const group = figma.group([a, b], f);
    group.opacity = 0.5;
    const image = await exportPng(f);
    // Where the red covers the blue, only red shows through at 50%: the group is flattened first.
    expect(pixel(image, 20, 10)).toEqual([255, 128, 128, 255]);
    expect(pixel(image, 5, 10)).toEqual([128, 128, 255, 255]);
  });

  it('leaves transparent pixels outside rounded corners and inside an even-odd hole', async () => {
    const figma = setup();
    const r = figma.createRectangle();
    r.resize(100, 100);
    r.cornerRadius = 50;
    r.fills = solid(GREEN);
    const image = await exportPng(r);
    expect(pixel(image, 2, 2)[3]).toBe(0);
    expect(pixel(image, 50, 50)).toEqual([0, 255, 0, 255]);

    const v = figma.createVector();
    v.fills = solid(BLUE);
    const squares = 'M 0 0 L 100 0 L 100 100 L 0 100 Z M 25 25 L 75 25 L 75 75 L 25 75 Z';
    v.vectorPaths = [{ windingRule: 'EVENODD', data: squares }];
    const evenOdd = await exportPng(v);
    expect(pixel(evenOdd, 10, 10)).toEqual([0, 0, 255, 255]);
    expect(pixel(evenOdd, 50, 50)[3]).toBe(0);
    v.vectorPaths = [{ windingRule: 'NONZERO', data: squares }];
    expect(pixel(await exportPng(v), 50, 50)).toEqual([0, 0, 255, 255]);
  });

  it('draws strokes inside the box for rectangles', async () => {
    const figma = setup();
    const r = figma.createRectangle();
    r.resize(50, 50);
    r.fills = solid(GREEN);
    r.strokes = solid({ r: 0, g: 0, b: 0 });
    r.strokeWeight = 5;
    const image = await exportPng(r);
    expect([image.width, image.height]).toEqual([50, 50]);
    expect(pixel(image, 2, 25)).toEqual([0, 0, 0, 255]);
    expect(pixel(image, 25, 25)).toEqual([0, 255, 0, 255]);
  });

  it('draws a linear gradient from the first stop to the last', async () => {
    const figma = setup();
    const r = figma.createRectangle();
    r.resize(101, 10);
    r.fills = [
      {
        type: 'GRADIENT_LINEAR',
        gradientTransform: [
          [1, 0, 0],
          [0, 1, 0],
        ],
        gradientStops: [
          { position: 0, color: { r: 0, g: 0, b: 0, a: 1 } },
          { position: 1, color: { r: 1, g: 1, b: 1, a: 1 } },
        ],
      },
    ];
    const image = await exportPng(r);
    expect(pixel(image, 0, 5)[0]).toBeLessThan(5);
    expect(pixel(image, 50, 5)[0]).toBe(128);
    expect(pixel(image, 100, 5)[0]).toBeGreaterThan(250);
  });

  it('draws text as blocks in its fill colour', async () => {
    const figma = setup();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const text = figma.createText();
    text.characters = 'HI';
    text.fontSize = 50;
    text.fills = solid(RED);
    const image = await exportPng(text);
    const colours = new Set<string>();
    for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) colours.add(pixel(image, x, y).join());
    expect(colours.has('255,0,0,255')).toBe(true);
  });
});

describe('exportAsync: image fills', () => {
  it.each([
    // scale mode, extra paint fields, frame size, [x, y, expected]…
    [
      'FILL',
      {},
      [200, 100],
      [
        [50, 50, [255, 0, 0, 255]],
        [150, 50, [0, 0, 255, 255]],
      ],
    ],
    [
      'FIT',
      {},
      [100, 100],
      [
        [10, 50, [255, 0, 0, 255]],
        [90, 50, [0, 0, 255, 255]],
        [50, 10, [255, 255, 255, 255]],
      ],
    ],
    [
      'CROP',
      {
        imageTransform: [
          [0.5, 0, 0.5],
          [0, 1, 0],
        ],
      },
      [100, 100],
      [
        [10, 50, [0, 0, 255, 255]],
        [90, 50, [0, 0, 255, 255]],
      ],
    ],
    [
      'TILE',
      { scalingFactor: 1 },
      [100, 100],
      [
        [5, 5, [255, 0, 0, 255]],
        [15, 5, [0, 0, 255, 255]],
        [25, 15, [255, 0, 0, 255]],
      ],
    ],
    [
      'FILL',
      { rotation: 180 },
      [200, 100],
      [
        [50, 50, [0, 0, 255, 255]],
        [150, 50, [255, 0, 0, 255]],
      ],
    ],
  ] as const)('%s %j', async (scaleMode, extra, [w, h], checks) => {
    const figma = setup();
    const image = figma.createImage(halves);
    const f = frame(figma, w, h);
    const r = figma.createRectangle();
    f.appendChild(r);
    r.resize(w, h);
    r.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode, ...extra } as ImagePaint];
    const out = await exportPng(f);
    for (const [x, y, expected] of checks) expect(pixel(out, x, y)).toEqual(expected);
  });

  it('decodes JPEG image fills', async () => {
    const figma = setup();
    const { encode } = await import('jpeg-js');
    const data = new Uint8Array(16 * 16 * 4).fill(255);
    for (let i = 0; i < data.length; i += 4) data.set([0, 200, 0, 255], i);
    const jpeg = new Uint8Array(encode({ width: 16, height: 16, data }, 95).data);
    const f = frame(figma, 32, 32);
    f.fills = [{ type: 'IMAGE', imageHash: figma.createImage(jpeg).hash, scaleMode: 'FILL' }];
    const [r, g, b] = pixel(await exportPng(f), 16, 16);
    expect(Math.abs(r! - 0) + Math.abs(g! - 200) + Math.abs(b! - 0)).toBeLessThan(12);
  });
});
