import { describe, expect, it } from 'vitest';
import { createFigmaDouble, createSampleDocument, type FigmaDouble } from '../../dev/figma-double/index.js';

/** Listens on the current page and returns what arrives, as `TYPE id [properties]` lines per event. */
function listen(double: FigmaDouble): string[][] {
  const events: string[][] = [];
  double.figma.currentPage.on('nodechange', (event) => {
    events.push(
      event.nodeChanges.map((c) =>
        c.type === 'PROPERTY_CHANGE' ? `${c.type} ${c.id} ${[...c.properties].sort().join(',')}` : `${c.type} ${c.id}`,
      ),
    );
  });
  return events;
}

describe("PageNode.on('nodechange')", () => {
  it('reports a created node once (not its children), asynchronously, once per burst', async () => {
    const double = createFigmaDouble();
    const events = listen(double);
    const frame = double.figma.createFrame();
    const child = double.figma.createRectangle();
    frame.appendChild(child);
    expect(events).toEqual([]);
    await double.flushAsync();
    expect(events).toEqual([[`CREATE ${frame.id}`]]);
  });

  it('reports changed properties by Figma’s names', async () => {
    const double = createFigmaDouble();
    const frame = double.figma.createFrame();
    const events = listen(double);
    frame.x = 10;
    frame.setPluginData('k', 'v');
    frame.name = 'Renamed';
    frame.setRelaunchData({ open: 'x' });
    await double.flushAsync();
    expect(events).toEqual([[`PROPERTY_CHANGE ${frame.id} name,pluginData,relativeTransform,x,y`]]);
  });

  it('reports a removed subtree once, with a RemovedNode', async () => {
    const double = createFigmaDouble();
    const sample = createSampleDocument(double.figma);
    const seen: NodeChange[] = [];
    double.figma.currentPage.on('nodechange', (event) => seen.push(...event.nodeChanges));
    sample.poster.remove();
    await double.flushAsync();
    expect(seen).toEqual([
      {
        type: 'DELETE',
        id: sample.poster.id,
        origin: 'LOCAL',
        node: { id: sample.poster.id, type: 'FRAME', removed: true },
      },
    ]);
  });

  it('reports what undo takes away', async () => {
    const double = createFigmaDouble();
    double.resetUndoHistory();
    const frame = double.figma.createFrame();
    double.figma.commitUndo();
    await double.flushAsync();
    const events = listen(double);
    double.undo();
    await double.flushAsync();
    expect(events).toEqual([[`DELETE ${frame.id}`]]);
  });

  it('reports a duplicate as created, with its copied plugin data', async () => {
    const double = createFigmaDouble();
    const frame = double.figma.createFrame();
    frame.setPluginData('k', 'v');
    const seen: NodeChange[] = [];
    double.figma.currentPage.on('nodechange', (event) => seen.push(...event.nodeChanges));
    const copy = frame.clone();
    await double.flushAsync();
    expect(seen.map((c) => [c.type, c.id])).toEqual([['CREATE', copy.id]]);
    const node = seen[0]!.node as SceneNode;
    expect(node.getPluginData('k')).toBe('v');
  });

  it('only reports changes on its own page', async () => {
    const double = createFigmaDouble();
    const events = listen(double);
    const other = double.figma.createPage();
    await other.loadAsync();
    other.appendChild(double.figma.createFrame()); // created on the current page, then moved away
    await double.flushAsync();
    expect(events).toEqual([]);
  });

  it('once, off, and only the nodechange event', async () => {
    const double = createFigmaDouble();
    const page = double.figma.currentPage;
    let onceCalls = 0;
    let offCalls = 0;
    const off = () => offCalls++;
    page.once('nodechange', () => onceCalls++);
    page.on('nodechange', off);
    page.off('nodechange', off);
    double.figma.createFrame();
    await double.flushAsync();
    double.figma.createFrame();
    await double.flushAsync();
    expect([onceCalls, offCalls]).toEqual([1, 0]);
    expect(() => page.on('selectionchange' as 'nodechange', () => {})).toThrow(/Unsupported event type/);
  });

  it('stops after the plugin closes', async () => {
    const double = createFigmaDouble();
    double.resetUndoHistory();
    const frame = double.figma.createFrame();
    double.figma.commitUndo();
    await double.flushAsync();
    const events = listen(double);
    double.figma.closePlugin();
    double.undo(); // the person's ⌘Z still works, but nobody is listening any more
    await double.flushAsync();
    expect(frame.removed).toBe(true);
    expect(events).toEqual([]);
  });
});

describe('loading a saved document in place', () => {
  it('fires currentpagechange and selectionchange: the current page is another node now', async () => {
    const double = createFigmaDouble();
    createSampleDocument(double.figma);
    const saved = double.serialize();
    const fired: string[] = [];
    double.figma.on('currentpagechange', () => fired.push('currentpagechange'));
    double.figma.on('selectionchange', () => fired.push('selectionchange'));
    double.load(saved);
    await double.flushAsync();
    expect(fired.sort()).toEqual(['currentpagechange', 'selectionchange']);
  });
});
