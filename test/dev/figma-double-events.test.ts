/**
 * The Figma double's events and undo: selectionchange, once and off, run and currentpagechange, commitUndo and
 * triggerUndo against user edits, and the playground's helpers (onChange, hitTest, userSelect, renderPixels).
 */
import { describe, expect, it } from 'vitest';
import { createFigmaDouble, createSampleDocument } from '../../dev/figma-double/index.js';

describe('selection and events', () => {
  it('fires selectionchange asynchronously, once per change burst', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const { poster, productShot } = createSampleDocument(figma);
    let fired = 0;
    figma.on('selectionchange', () => fired++);
    figma.currentPage.selection = [poster];
    figma.currentPage.selection = [poster, productShot];
    expect(fired).toBe(0);
    expect(figma.currentPage.selection.map((n) => n.name)).toEqual(['Poster', 'Product shot']);
    await double.flushAsync();
    expect(fired).toBe(1);
    productShot.remove();
    await double.flushAsync();
    expect(fired).toBe(2);
    expect(figma.currentPage.selection).toEqual([poster]);
  });

  it('once listeners fire once and off removes listeners', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const frame = figma.createFrame();
    const calls: string[] = [];
    const on = () => calls.push('on');
    figma.once('selectionchange', () => calls.push('once'));
    figma.on('selectionchange', on);
    figma.currentPage.selection = [frame];
    await double.flushAsync();
    figma.off('selectionchange', on);
    figma.currentPage.selection = [];
    await double.flushAsync();
    expect(calls).toEqual(['once', 'on']);
  });

  it('refuses to select a node from another page', async () => {
    const { figma } = createFigmaDouble();
    const page = figma.createPage();
    const rect = figma.createRectangle();
    page.appendChild(rect);
    expect(() => (figma.currentPage.selection = [rect])).toThrow(/is not on page/);
  });

  it('fires run and currentpagechange', async () => {
    const double = createFigmaDouble({ command: 'open' });
    const { figma } = double;
    const events: unknown[] = [];
    figma.on('run', (event) => events.push(event));
    figma.on('currentpagechange', () => events.push('page'));
    double.run();
    await figma.setCurrentPageAsync(figma.createPage());
    await double.flushAsync();
    expect(events).toEqual([{ command: 'open', parameters: undefined }, 'page']);
  });
});

describe('undo', () => {
  it('triggerUndo reverts to the last commitUndo, then one commit further', () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const frame = figma.createFrame();
    frame.name = 'Source';
    frame.setPluginData('turn', 'base');
    double.resetUndoHistory(); // the file as it was when the plugin started
    const first = figma.createRectangle();
    frame.appendChild(first);
    frame.setPluginData('turn', 't1');
    figma.commitUndo();
    const second = figma.createEllipse();
    frame.name = 'Renamed';
    figma.triggerUndo();
    expect(second.removed).toBe(true);
    expect(first.removed).toBe(false);
    expect(frame.name).toBe('Source');
    expect(frame.getPluginData('turn')).toBe('t1');
    figma.triggerUndo();
    expect(first.removed).toBe(true);
    expect(frame.children).toEqual([]);
    expect(frame.getPluginData('turn')).toBe('base');
    expect(double.undoCommits).toBe(1);
    figma.triggerUndo();
    expect(frame.removed).toBe(false);
  });

  it("user edits are undo steps of their own, not counted as the plugin's commits", () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const drawn = figma.createRectangle();
    double.commitUserEdit();
    const result = figma.createFrame();
    figma.commitUndo();
    expect(double.undoCommits).toBe(1);
    double.undo();
    expect([result.removed, drawn.removed]).toEqual([true, false]);
    double.undo();
    expect(drawn.removed).toBe(true);
  });

  it('brings removed nodes back as the same objects and drops undone nodes from the selection', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const frame = figma.createFrame();
    figma.commitUndo();
    frame.remove();
    const added = figma.createRectangle();
    figma.currentPage.selection = [added];
    figma.triggerUndo();
    expect(frame.removed).toBe(false);
    expect(figma.currentPage.children).toEqual([frame]);
    expect(await figma.getNodeByIdAsync(frame.id)).toBe(frame);
    expect(added.removed).toBe(true);
    expect(figma.currentPage.selection).toEqual([]);
  });
});

describe('playground helpers', () => {
  it('onChange reports document and selection changes once per burst, until stopped', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    let changes = 0;
    const stop = double.onChange(() => changes++);
    const frame = figma.createFrame();
    frame.name = 'A';
    frame.x = 10;
    await double.flushAsync();
    expect(changes).toBe(1);
    double.userSelect([frame]);
    await double.flushAsync();
    expect(changes).toBe(2);
    stop();
    frame.y = 5;
    await double.flushAsync();
    expect(changes).toBe(2);
  });

  it('hitTest picks the top-most top-level node and userSelect selects it, even after the plugin closed', async () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const { poster, productShot } = createSampleDocument(figma);
    let fired = 0;
    figma.on('selectionchange', () => fired++);
    expect(double.hitTest(100, 600)).toBe(poster);
    expect(double.hitTest(700, 100)).toBe(productShot);
    expect(double.hitTest(600, 650)).toBeNull();
    double.userSelect([productShot]);
    await double.flushAsync();
    expect(fired).toBe(1);
    expect(figma.currentPage.selection).toEqual([productShot]);
    figma.closePlugin();
    double.userSelect([poster]);
    double.undo();
    expect(double.describeNodes().find((n) => n.id === poster.id)?.name).toBe('Poster');
  });

  it('renderPixels draws a page as RGBA for the canvas', () => {
    const double = createFigmaDouble();
    const { figma } = double;
    createSampleDocument(figma);
    const image = double.renderPixels(figma.currentPage, { constraint: { type: 'SCALE', value: 0.25 } });
    expect([image.width, image.height]).toEqual([310, 169]);
    expect([...image.data.subarray(0, 4)]).toEqual([255, 150, 90, 255]);
  });
});
