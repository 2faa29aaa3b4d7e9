import { describe, expect, it } from 'vitest';
import type { SandboxFigma } from '../../plugin/sandbox-figma.js';
import {
  createFigmaDouble,
  createSampleDocument,
  describeNodes,
  loadDocument,
  serializeDocument,
  solidPngBytes,
  type FigmaDoubleApi,
  type SerializedDocument,
} from '../../dev/figma-double/index.js';

/** A document with a bit of everything: nesting, a group, text, a vector, variants, an instance, plugin data. */
async function richDocument() {
  const double = createFigmaDouble({ pluginId: 'banana' });
  const { figma } = double;
  const sample = createSampleDocument(figma);
  sample.poster.setPluginData('turn', JSON.stringify({ v: 1, prompt: 'warmer light' }));
  sample.headline.setSharedPluginData('banana', 'role', 'headline');
  sample.productShot.setRelaunchData({ open: 'Edited with Banana Studio' });
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  const group = figma.group([figma.createRectangle(), figma.createEllipse()], figma.currentPage);
  group.name = 'Shapes';
  const vector = figma.createVector();
  vector.vectorPaths = [{ windingRule: 'NONZERO', data: 'M 0 0 L 10 0 L 5 8 Z' }];
  vector.rotation = 30;
  const warm = figma.createComponent();
  warm.name = 'Tone=Warm';
  const cool = figma.createComponent();
  cool.name = 'Tone=Cool';
  cool.x = 150;
  const set = figma.combineAsVariants([warm, cool], figma.currentPage);
  set.description = 'Poster variants';
  warm.createInstance();
  const second = figma.createPage();
  second.name = 'History';
  const hidden = figma.createRectangle();
  second.appendChild(hidden);
  hidden.visible = false;
  hidden.locked = true;
  hidden.fills = [
    { type: 'IMAGE', imageHash: figma.createImage(solidPngBytes(4, 4, [9, 9, 9, 255])).hash, scaleMode: 'FIT' },
  ];
  return { double, sample };
}

describe('serializeDocument / loadDocument', () => {
  it('round-trips nodes, properties, paints, plugin data and images, with ids kept', async () => {
    const { double } = await richDocument();
    const saved = serializeDocument(double.figma);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    const reopened = loadDocument(saved, { pluginId: 'banana' });
    expect(reopened.serialize()).toEqual(saved);
    expect(reopened.describeNodes()).toEqual(double.describeNodes());
    expect(Object.keys(saved.images)).toHaveLength(3);
  });

  it('a teammate opens the file: plugin data, images and pixels are there, and new ids do not collide', async () => {
    const { double, sample } = await richDocument();
    const before = await sample.poster.exportAsync();
    const teammate = loadDocument(serializeDocument(double.figma), {
      pluginId: 'banana',
      currentUser: { id: '2', name: 'Sam', photoUrl: null, color: '#0FA958', sessionId: 2 },
    });
    const figma = teammate.figma;
    const poster = (await figma.getNodeByIdAsync(sample.poster.id)) as FrameNode;
    expect(poster.name).toBe('Poster');
    expect(JSON.parse(poster.getPluginData('turn'))).toEqual({ v: 1, prompt: 'warmer light' });
    expect((await figma.getNodeByIdAsync(sample.headline.id))!.getSharedPluginData('banana', 'role')).toBe('headline');
    const hash = (poster.fills as ImagePaint[])[0]!.imageHash!;
    expect(await figma.getImageByHash(hash)!.getSizeAsync()).toEqual({ width: 540, height: 675 });
    expect(await poster.exportAsync()).toEqual(before);
    const fresh = figma.createFrame();
    expect(double.describeNodes().map((n) => n.id)).not.toContain(fresh.id);
    expect(fresh.id.startsWith('2:')).toBe(true);
    expect(await figma.clientStorage.keysAsync()).toEqual([]);
    expect(figma.currentUser?.name).toBe('Sam');
  });

  it('drops images no paint uses unless asked to keep them', () => {
    const { figma } = createFigmaDouble();
    const orphan = figma.createImage(solidPngBytes(2, 2, [1, 1, 1, 255]));
    expect(serializeDocument(figma).images).toEqual({});
    expect(Object.keys(serializeDocument(figma, { keepUnreferencedImages: true }).images)).toEqual([orphan.hash]);
    expect(loadDocument(serializeDocument(figma)).figma.getImageByHash(orphan.hash)).toBeNull();
  });

  it('loads in place: old node objects become removed, the selection and undo history start afresh', async () => {
    const { double, sample } = await richDocument();
    const saved = double.serialize();
    double.figma.currentPage.selection = [sample.poster];
    double.figma.createFrame().name = 'Unsaved';
    double.load(saved);
    expect(sample.poster.removed).toBe(true);
    expect(double.figma.currentPage.selection).toEqual([]);
    expect(double.describeNodes().some((n) => n.name === 'Unsaved')).toBe(false);
    const poster = (await double.figma.getNodeByIdAsync(sample.poster.id)) as FrameNode;
    expect(poster).not.toBe(sample.poster);
    double.figma.triggerUndo();
    expect(poster.removed).toBe(false);
  });

  it.each([
    ['a wrong format', { format: 'other' }, /Not a saved Figma double document/],
    ['an image whose bytes do not match its hash', 'tamper', /does not match its bytes/],
  ])('rejects %s', (_case, change, message) => {
    const { figma } = createFigmaDouble();
    createSampleDocument(figma);
    const saved = serializeDocument(figma);
    const bad: SerializedDocument =
      change === 'tamper'
        ? {
            ...saved,
            images: Object.fromEntries(
              Object.entries(saved.images).map(([h, b], i) => [i === 0 ? '0'.repeat(40) : h, b]),
            ),
          }
        : ({ ...saved, ...(change as object) } as SerializedDocument);
    expect(() => loadDocument(bad)).toThrow(message);
  });
});

describe('describeNodes', () => {
  it('lists every node as plain JSON in document order', () => {
    const { figma } = createFigmaDouble();
    const frame = figma.createFrame();
    frame.name = 'Result';
    frame.x = 12;
    frame.resize(300, 200);
    frame.setPluginData('turn', '1');
    const rect = figma.createRectangle();
    frame.appendChild(rect);
    rect.visible = false;
    expect(describeNodes(figma)).toEqual([
      {
        id: '0:0',
        name: 'Document',
        type: 'DOCUMENT',
        x: 0,
        y: 0,
        width: 0,
        height: 0,
        parentId: null,
        visible: true,
        pluginDataKeys: [],
      },
      {
        id: '0:1',
        name: 'Page 1',
        type: 'PAGE',
        x: 0,
        y: 0,
        width: 0,
        height: 0,
        parentId: '0:0',
        visible: true,
        pluginDataKeys: [],
      },
      {
        id: frame.id,
        name: 'Result',
        type: 'FRAME',
        x: 12,
        y: 0,
        width: 300,
        height: 200,
        parentId: '0:1',
        visible: true,
        pluginDataKeys: ['turn'],
      },
      {
        id: rect.id,
        name: 'Rectangle',
        type: 'RECTANGLE',
        x: 0,
        y: 0,
        width: 100,
        height: 100,
        parentId: frame.id,
        visible: false,
        pluginDataKeys: [],
      },
    ]);
  });
});

describe('createSampleDocument', () => {
  it('builds a poster with an image background, a rectangle and three text layers, and a product shot', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const sample = createSampleDocument(figma);
    expect(figma.currentPage.children.map((n) => [n.name, n.width, n.height])).toEqual([
      ['Poster', 540, 675],
      ['Product shot', 600, 600],
    ]);
    expect(sample.poster.children.map((n) => [n.type, n.name])).toEqual([
      ['RECTANGLE', 'Scrim'],
      ['TEXT', 'Headline'],
      ['TEXT', 'Body'],
      ['RECTANGLE', 'CTA button'],
      ['TEXT', 'CTA'],
    ]);
    expect([sample.headline.characters, sample.cta.characters]).toEqual(['Summer Sale', 'Shop now']);
    expect((sample.poster.fills as ImagePaint[])[0]).toMatchObject({
      type: 'IMAGE',
      scaleMode: 'FILL',
      imageHash: sample.posterImage.hash,
    });
    expect(await sample.productImage.getSizeAsync()).toEqual({ width: 600, height: 600 });
    // It is an existing file: undo can't remove it, and its text fonts are not loaded for the plugin yet.
    figma.triggerUndo();
    expect(sample.poster.removed).toBe(false);
    expect(() => (sample.headline.characters = 'Winter Sale')).toThrow(/unloaded font "Inter Bold"/);
  });
});

describe('typing', () => {
  it('the double can be passed where plugin code expects its Pick<PluginAPI, …>', () => {
    const figma: FigmaDoubleApi = createFigmaDouble().figma;
    const port: SandboxFigma = figma;
    expect(port.currentPage.type).toBe('PAGE');
  });
});
