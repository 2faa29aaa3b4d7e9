/**
 * The page's turn records are read from the page once per change (plugin/history-index.ts): questions in between get
 * what was read, every change that may touch a record (a new result, ⌘Z, a layer deleted, another page) is heard, and
 * the sandbox's own temporary export layers are not history. Scans are counted on the Figma double's page: the
 * records are found with `findAllWithCriteria`, once per read of the page.
 */
import { describe, expect, it } from 'vitest';
import type { HistorySnapshot, PlacedResult } from '../../core/messages.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { countScans } from '../support/count-scans.js';
import { startPlugin, valueOf, type Harness } from './harness.js';

const draft = (prompt: string, nodeId: string): TurnDraft => ({
  prompt,
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '4:5', imageSize: '512' },
  inputs: [{ nodeId, role: 'base' }],
  usage: { inputTokens: 571, outputTokens: 747, totalTokens: 1500, costUsd: 0.0451 },
});

async function placeAsync(h: Harness, sourceId: string, prompt: string): Promise<PlacedResult> {
  const image = solidPngBytes(464, 576, [prompt.length * 9, 90, 160, 255]);
  const reply = await h.requestAsync({
    type: 'PLACE_RESULT',
    image,
    sourceNodeId: sourceId,
    turn: draft(prompt, sourceId),
  });
  return valueOf(reply) as PlacedResult;
}

async function historyIdsAsync(h: Harness): Promise<string[]> {
  const snapshot = valueOf(await h.requestAsync({ type: 'READ_HISTORY' })) as HistorySnapshot;
  return snapshot.entries.map((entry) => entry.nodeId);
}

const historyNotices = (h: Harness, from: number) =>
  h
    .received()
    .slice(from)
    .filter((message) => message.type === 'HISTORY_CHANGED').length;

describe('the history index', () => {
  it('reads the page once for any number of questions between two changes', async () => {
    const h = startPlugin();
    const scans = countScans(h.figma.currentPage);
    const t1 = await placeAsync(h, h.sample.poster.id, 'warmer light');
    await h.settleAsync();
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId]);
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId]);
    // Placing beside t1 asks what continues it (for where to put the result): the same read, no new scan.
    const before = scans();
    const t2 = await placeAsync(h, t1.nodeId, 'navy jacket');
    expect(scans()).toBe(before);
    // The result it placed is in the very next answer, before Figma's change event has even been delivered.
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId, t2.nodeId]);
    expect(scans()).toBe(before + 1);
    h.close();
  });

  it('hears ⌘Z and a deleted result, so an answer is never older than the page', async () => {
    const h = startPlugin();
    const t1 = await placeAsync(h, h.sample.poster.id, 'warmer light');
    const t2 = await placeAsync(h, t1.nodeId, 'navy jacket');
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId, t2.nodeId]);
    h.double.undo();
    await h.settleAsync();
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId]);
    (await h.figma.getNodeByIdAsync(t1.nodeId))!.remove();
    await h.settleAsync();
    expect(await historyIdsAsync(h)).toEqual([]);
    h.close();
  });

  it('does not take the sandbox’s temporary export layers for history', async () => {
    const h = startPlugin();
    const t1 = await placeAsync(h, h.sample.poster.id, 'warmer light');
    await h.settleAsync();
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId]);
    const scans = countScans(h.figma.currentPage);
    const from = h.received().length;
    // The poster's text hidden on a temporary copy, and a region's mask frame: made and removed by the sandbox.
    const shape = h.figma.createEllipse();
    h.sample.poster.appendChild(shape);
    await h.settleAsync();
    const noticesBefore = historyNotices(h, from);
    const exported = await h.requestAsync({
      type: 'EXPORT_SOURCE',
      nodeId: h.sample.poster.id,
      scale: 1,
      hideText: true,
      hideNodeIds: [shape.id],
    });
    expect(exported).toMatchObject({ type: 'REPLY', ok: true });
    const mask = await h.requestAsync({
      type: 'EXPORT_REGION_MASK',
      sourceNodeId: h.sample.poster.id,
      shapeNodeId: shape.id,
      scale: 1,
    });
    expect(mask).toMatchObject({ type: 'REPLY', ok: true });
    await h.settleAsync();
    expect(historyNotices(h, from)).toBe(noticesBefore);
    expect(await historyIdsAsync(h)).toEqual([t1.nodeId]);
    expect(scans()).toBe(0);
    h.close();
  });
});
