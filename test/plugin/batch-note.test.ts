import { describe, expect, it } from 'vitest';
import { batchNoteKey, MAX_BATCH_NOTE_BYTES, type BatchNote } from '../../core/batch-note.js';
import { startPlugin, valueOf } from './harness.js';

const JOB = '5e5b358f-3bb3-44d3-ac69-09d52f574847';
const note: BatchNote = {
  prompt: 'warmer light',
  layers: { '1:2': { name: 'Poster', box: { x: 0, y: 0, width: 540, height: 675 } } },
};

describe("a half-price job's note in the file", () => {
  it('is kept in document plugin data under the job, read back, and forgotten with null', async () => {
    const h = startPlugin();
    const layers = h.figma.currentPage.findAll(() => true).length;
    expect(valueOf(await h.requestAsync({ type: 'READ_BATCH_NOTE', jobId: JOB }))).toBeNull();
    expect(valueOf(await h.requestAsync({ type: 'KEEP_BATCH_NOTE', jobId: JOB, note }))).toBeNull();
    expect(JSON.parse(h.figma.root.getPluginData(batchNoteKey(JOB)))).toEqual(note);
    expect(valueOf(await h.requestAsync({ type: 'READ_BATCH_NOTE', jobId: JOB }))).toEqual(note);
    expect(h.figma.currentPage.findAll(() => true)).toHaveLength(layers);
    await h.requestAsync({ type: 'KEEP_BATCH_NOTE', jobId: JOB, note: null });
    expect(h.figma.root.getPluginDataKeys()).not.toContain(batchNoteKey(JOB));
    expect(valueOf(await h.requestAsync({ type: 'READ_BATCH_NOTE', jobId: JOB }))).toBeNull();
    h.close();
  });

  it('reads a damaged note as none, and refuses one too large for plugin data with a plain error', async () => {
    const h = startPlugin();
    h.figma.root.setPluginData(batchNoteKey(JOB), '{"prompt":');
    expect(valueOf(await h.requestAsync({ type: 'READ_BATCH_NOTE', jobId: JOB }))).toBeNull();
    // Each part is within its own limit (a prompt of 20,000 characters, 200 layers), the whole past 90,000 bytes.
    const box = { x: 0, y: 0, width: 10, height: 10 };
    const layers = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`1:${i}`, { name: 'é'.repeat(200), box }]),
    );
    const big: BatchNote = { prompt: 'é'.repeat(20_000), layers };
    expect(new TextEncoder().encode(JSON.stringify(big)).length).toBeGreaterThan(MAX_BATCH_NOTE_BYTES);
    const refused = await h.requestAsync({ type: 'KEEP_BATCH_NOTE', jobId: JOB, note: big });
    expect(refused).toMatchObject({ ok: false, error: { code: 'request_too_large' } });
    expect(JSON.stringify(refused)).toMatch(/too large to keep in the file/);
    expect(h.figma.root.getPluginData(batchNoteKey(JOB))).toBe('{"prompt":');
    h.close();
  });
});
