/** The Figma double's nodes one by one: what they are created with, their geometry, paints, text and vectors. */
import { describe, expect, it } from 'vitest';
import { newDouble } from './figma-double-fixtures.js';

describe('node creation', () => {
  it.each([
    ['createFrame', 'FRAME', 'Frame', 100, 100, { r: 1, g: 1, b: 1 }],
    [
      'createRectangle',
      'RECTANGLE',
      'Rectangle',
      100,
      100,
      { r: 0.8509804010391235, g: 0.8509804010391235, b: 0.8509804010391235 },
    ],
    [
      'createEllipse',
      'ELLIPSE',
      'Ellipse',
      100,
      100,
      { r: 0.8509804010391235, g: 0.8509804010391235, b: 0.8509804010391235 },
    ],
    ['createComponent', 'COMPONENT', 'Component', 100, 100, { r: 1, g: 1, b: 1 }],
    ['createText', 'TEXT', 'Text', 0, 14.399999999999999, { r: 0, g: 0, b: 0 }],
  ] as const)('%s makes a %s named %s, %d×%d, on the current page', (method, type, name, width, height, color) => {
    const { figma } = newDouble();
    const node = figma[method]();
    expect(node.type).toBe(type);
    expect(node.name).toBe(name);
    expect([node.x, node.y, node.width, node.height]).toEqual([0, 0, width, height]);
    expect(node.parent).toBe(figma.currentPage);
    expect(node.removed).toBe(false);
    expect(node.visible).toBe(true);
    expect(node.locked).toBe(false);
    expect(node.rotation).toBe(0);
    expect(node.fills).toEqual([{ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color }]);
    expect(figma.currentPage.children.at(-1)).toBe(node);
  });

  it('gives every node a unique id in "session:local" form', () => {
    const { figma } = newDouble();
    const ids = [figma.createFrame(), figma.createRectangle(), figma.createEllipse(), figma.createText()].map(
      (n) => n.id,
    );
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^\d+:\d+$/);
    expect(figma.root.id).toBe('0:0');
    expect(figma.currentPage.id).toBe('0:1');
  });
});

describe('geometry', () => {
  it('x, y, resize and rotation update the transforms and boxes', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.x = 100;
    frame.y = 50;
    frame.resize(200, 100);
    const rect = figma.createRectangle();
    frame.appendChild(rect);
    rect.x = 10;
    rect.y = 20;
    rect.resize(30, 40);
    expect(rect.relativeTransform).toEqual([
      [1, 0, 10],
      [0, 1, 20],
    ]);
    expect(rect.absoluteTransform).toEqual([
      [1, 0, 110],
      [0, 1, 70],
    ]);
    expect(rect.absoluteBoundingBox).toEqual({ x: 110, y: 70, width: 30, height: 40 });
    rect.rotation = 90;
    expect(rect.rotation).toBe(90);
    expect([rect.x, rect.y]).toEqual([10, 20]);
    // Positive rotation turns counter-clockwise about the top-left corner (y down), so the box goes up.
    expect(rect.absoluteBoundingBox).toEqual({ x: 110, y: 40, width: 40, height: 30 });
  });

  it.each([
    [0, 1],
    [-5, 10],
    [10, 0.001],
    [Number.NaN, 5],
  ])('resize(%d, %d) is refused', (w, h) => {
    const { figma } = newDouble();
    expect(() => figma.createRectangle().resize(w, h)).toThrow(/resize/);
  });

  it('render bounds include unclipped overflow and outside strokes; hidden nodes have none', () => {
    const { figma } = newDouble();
    const frame = figma.createFrame();
    frame.resize(100, 100);
    frame.clipsContent = false;
    const child = figma.createRectangle();
    frame.appendChild(child);
    child.x = 80;
    child.resize(50, 10);
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 130, height: 100 });
    frame.clipsContent = true;
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    child.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
    child.strokeWeight = 4;
    child.strokeAlign = 'OUTSIDE';
    expect(child.absoluteRenderBounds).toEqual({ x: 76, y: -4, width: 58, height: 18 });
    child.visible = false;
    expect(child.absoluteRenderBounds).toBeNull();
    expect(child.absoluteBoundingBox).toEqual({ x: 80, y: 0, width: 50, height: 10 });
  });
});

describe('paints', () => {
  it('fills are frozen copies with defaults filled in', () => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    const paints: Paint[] = [{ type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 }, opacity: 0.5 }];
    rect.fills = paints;
    const fills = rect.fills as readonly SolidPaint[];
    expect(fills).toEqual([
      { type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 }, opacity: 0.5, visible: true, blendMode: 'NORMAL' },
    ]);
    expect(Object.isFrozen(fills)).toBe(true);
    expect(Object.isFrozen(fills[0])).toBe(true);
    expect(Object.isFrozen(fills[0]!.color)).toBe(true);
    expect(fills[0]).not.toBe(paints[0]);
  });

  it.each([
    ['not an array', 'red', /Expected an array of paints/],
    ['unknown type', [{ type: 'PLAID' }], /Invalid paint type/],
    ['channel above 1', [{ type: 'SOLID', color: { r: 2, g: 0, b: 0 } }], /color\.r/],
    [
      'alpha in a SOLID colour',
      [{ type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } }],
      /Unrecognized key\(s\) in object: 'a'/,
    ],
    ['opacity above 1', [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 }, opacity: 1.5 }], /opacity/],
    ['bad scale mode', [{ type: 'IMAGE', imageHash: null, scaleMode: 'STRETCH' }], /scaleMode/],
    ['unknown image hash', [{ type: 'IMAGE', imageHash: 'ab'.repeat(20), scaleMode: 'FILL' }], /does not exist/],
    [
      'gradient without stops',
      [
        {
          type: 'GRADIENT_LINEAR',
          gradientTransform: [
            [1, 0, 0],
            [0, 1, 0],
          ],
          gradientStops: [],
        },
      ],
      /gradientStops/,
    ],
  ])('assigning fills with %s throws', (_case, value, message) => {
    const { figma } = newDouble();
    const rect = figma.createRectangle();
    expect(() => {
      rect.fills = value as unknown as Paint[];
    }).toThrow(message);
    expect((rect.fills as Paint[]).length).toBe(1);
  });
});

describe('text', () => {
  it('needs its font loaded before characters change, like Figma', async () => {
    const { figma } = newDouble();
    const text = figma.createText();
    expect(() => (text.characters = 'Hi')).toThrow(
      'in set_characters: Cannot write to node with unloaded font "Inter Regular". Please call figma.loadFontAsync({ family: "Inter", style: "Regular" }) and await the returned promise first.',
    );
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    text.characters = 'Hello';
    text.fontSize = 20;
    expect(text.characters).toBe('Hello');
    expect(text.name).toBe('Hello');
    // Approximate metrics: 0.6 em per character, 1.2 em per line.
    expect([text.width, text.height]).toEqual([60, 24]);
    expect(() => (text.fontName = { family: 'Roboto', style: 'Bold' })).toThrow(/unloaded font "Roboto Bold"/);
    await expect(figma.loadFontAsync({ family: 'Comic Sans', style: 'Regular' })).rejects.toThrow(
      /could not be loaded/,
    );
  });

  it('wraps in HEIGHT mode and keeps an explicit name', async () => {
    const { figma } = newDouble();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const text = figma.createText();
    text.name = 'Body';
    text.fontSize = 10;
    text.textAutoResize = 'HEIGHT';
    text.resize(30, 12);
    text.characters = 'aaaa bbbb cccc';
    expect(text.name).toBe('Body');
    expect(text.width).toBe(30);
    expect(text.height).toBe(36);
  });
});

describe('vectors', () => {
  it('take their box from the path bounds', () => {
    const { figma } = newDouble();
    const vector = figma.createVector();
    vector.vectorPaths = [{ windingRule: 'EVENODD', data: 'M 10 20 L 110 20 L 60 120 Z' }];
    expect([vector.x, vector.y, vector.width, vector.height]).toEqual([10, 20, 100, 100]);
    expect(vector.vectorPaths).toEqual([{ windingRule: 'EVENODD', data: 'M 10 20 L 110 20 L 60 120 Z' }]);
    expect(() => (vector.vectorPaths = [{ windingRule: 'NONZERO', data: 'M 0 0 X 1 1' }])).toThrow(/Invalid path data/);
  });
});
