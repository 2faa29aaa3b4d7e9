import { decode as decodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodePng, type RgbaImage } from '../../core/png.js';
import { createFigmaDouble, createSampleDocument, makePngBytes, type Rgba8 } from '../../dev/figma-double/index.js';

const RED = { r: 1, g: 0, b: 0 };
const GREEN = { r: 0, g: 1, b: 0 };
const BLUE = { r: 0, g: 0, b: 1 };
const solid = (color: RGB, opacity = 1): SolidPaint[] => [{ type: 'SOLID', color, opacity }];

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

async function exportPng(node: ExportMixin, settings: ExportSettingsImage = { format: 'PNG' }): Promise<RgbaImage> {
  return decodePng(await node.exportAsync(settings));
}

/** A frame of the given size and colour on the current page. */
function frame(figma: PluginAPI, width: number, height: number, color: RGB = { r: 1, g: 1, b: 1 }): FrameNode {
  const f = figma.createFrame();
  f.resize(width, height);
  f.fills = solid(color);
  return f;
}

function rect(parent: FrameNode, x: number, y: number, width: number, height: number, color: RGB): RectangleNode {
  const node = current!.createRectangle();
  parent.appendChild(node);
  node.x = x;
  node.y = y;
  node.resize(width, height);
  node.fills = solid(color);
  return node;
}

/** The double the current test uses (set by `setup`). */
let current: PluginAPI | null = null;
function setup(): PluginAPI {
  current = createFigmaDouble().figma as unknown as PluginAPI;
  return current;
}

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
