/**
 * What the sandbox refuses in a regional edit, and what it never leaves behind: a text layer as the shape is a
 * bad_request, and an export that fails (as Figma's does when the sandbox runs out of memory) leaves the file exactly
 * as it was.
 */
import { describe, expect, it } from 'vitest';
import { startPlugin } from './harness.js';

describe('what the sandbox refuses, and what it never leaves behind', () => {
  it('a line has no area; a text layer cannot mark a region', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({
      type: 'EXPORT_REGION_MASK',
      sourceNodeId: h.sample.poster.id,
      shapeNodeId: h.sample.headline.id,
      scale: 1,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/Headline/) },
    });
  });

  it('removes the temporary mask frame when the export fails, and the shape is untouched', async () => {
    const h = startPlugin();
    const ellipse = h.figma.createEllipse();
    ellipse.x = 700;
    ellipse.y = 100;
    const before = JSON.stringify(h.double.serialize());
    const createFrame = h.figma.createFrame.bind(h.figma);
    h.figma.createFrame = () => {
      const frame = createFrame();
      frame.exportAsync = failingExport;
      return frame;
    };
    const reply = await h.requestAsync({
      type: 'EXPORT_REGION_MASK',
      sourceNodeId: h.sample.productShot.id,
      shapeNodeId: ellipse.id,
      scale: 2,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(h.double.serialize())).toBe(before);
  });

  it('removes the temporary copy when a hidden-text export fails', async () => {
    const h = startPlugin();
    const before = JSON.stringify(h.double.serialize());
    const clone = h.sample.poster.clone.bind(h.sample.poster);
    h.sample.poster.clone = () => {
      const copy = clone();
      copy.exportAsync = failingExport;
      return copy;
    };
    const reply = await h.requestAsync({
      type: 'EXPORT_SOURCE',
      nodeId: h.sample.poster.id,
      scale: 2,
      hideText: true,
      hideNodeIds: [],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(h.double.serialize())).toBe(before);
  });
});

/**
 * An `exportAsync` that fails, as Figma's does when the sandbox runs out of memory
 * (docs/figma-platform.md#little-memory-in-the-sandbox).
 */
const failingExport = (() => Promise.reject(new Error('out of memory'))) as SceneNode['exportAsync'];
