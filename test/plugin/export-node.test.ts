import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import type { ExportedImage } from '../../core/messages.js';
import { decodePng } from '../../core/png.js';
import { startPlugin, valueOf } from './harness.js';

describe('EXPORT_NODE', () => {
  it('exports a composed frame as a real PNG of its own size', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({ type: 'EXPORT_NODE', nodeId: h.sample.poster.id, maxSide: 1152 });
    const exported = valueOf(reply) as ExportedImage;
    expect(exported).toMatchObject({ nodeId: h.sample.poster.id, width: 540, height: 675 });
    expect(readImageHeader(exported.bytes)).toEqual({ mimeType: 'image/png', width: 540, height: 675 });
    // The pixels are the frame as Figma renders it, text and all: the same as Figma's own export.
    const own = await h.sample.poster.exportAsync({ format: 'PNG', useAbsoluteBounds: true, colorProfile: 'SRGB' });
    expect(decodePng(exported.bytes).data).toEqual(decodePng(own).data);
  });

  it('caps the longest side at maxSide', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({ type: 'EXPORT_NODE', nodeId: h.sample.poster.id, maxSide: 270 });
    const exported = valueOf(reply) as ExportedImage;
    expect([exported.width, exported.height]).toEqual([216, 270]);
    expect(readImageHeader(exported.bytes)).toMatchObject({ width: 216, height: 270 });
  });

  it('answers stale_node for a deleted layer', async () => {
    const h = startPlugin();
    const frame = h.figma.createFrame();
    const id = frame.id;
    frame.remove();
    const reply = await h.requestAsync({ type: 'EXPORT_NODE', nodeId: id, maxSide: 1024 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'stale_node' } });
  });

  it('answers stale_node for an id that never existed, and for a page', async () => {
    const h = startPlugin();
    for (const nodeId of ['999:999', h.figma.currentPage.id]) {
      const reply = await h.requestAsync({ type: 'EXPORT_NODE', nodeId, maxSide: 1024 });
      expect(reply).toMatchObject({ ok: false, error: { code: 'stale_node' } });
    }
  });
});
