/**
 * The "Half-price jobs" card's actions in Node: the real panel and sandbox (the Figma double with the sample file),
 * the real proxy on a port and the Gemini double's Batch API behind it. A job submitted over HTTP as the panel sends
 * it is polled to done, the proxy restarts on the same SQLite file, and the panel lists the job, places its results
 * beside their sources (one undo step each, marked placed at the proxy only after), reports a gone source and places
 * its image anyway, lists the request that failed, never places twice, and cancels a waiting job at Google.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../core/base64.js';
import type { BatchRequest } from '../../core/batch-schema.js';
import { FILE_KEY_KEY } from '../../core/file-key.js';
import { ok } from '../../core/result.js';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import { keepBatchNoteAsync } from '../../ui/actions/batch-jobs-note.js';
import { startBatchProxyAsync, type BatchProxy } from '../support/batch-proxy.js';
import { openPanelSessionAsync, until, type PanelSession } from './panel-session.js';

let live: BatchProxy;
beforeAll(async () => {
  live = await startBatchProxyAsync(1);
});
afterAll(async () => {
  await live?.closeAsync();
});

/** Three more frames beside the sample's two, so the job has five sources. */
function addFrames(session: PanelSession): FrameNode[] {
  const { figma } = session.double;
  return ['Hero 1', 'Hero 2', 'Hero 3'].map((name, i) => {
    const frame = figma.createFrame();
    frame.name = name;
    frame.resize(200, 200);
    frame.x = 1400 + i * 300;
    frame.fills = [{ type: 'SOLID', color: { r: 0.2 * i, g: 0.5, b: 0.8 } }];
    return frame;
  });
}

async function jobBodyAsync(fileKey: string, frames: SceneNode[], prompts: string[]): Promise<BatchRequest> {
  const requests = await Promise.all(
    frames.map(async (frame, i) => ({
      layerId: frame.id,
      prompt: prompts[i]!,
      images: [
        {
          data: bytesToBase64(await frame.exportAsync({ format: 'PNG' })),
          mimeType: 'image/png' as const,
          role: 'base' as const,
        },
      ],
    })),
  );
  return { model: 'gemini-3.1-flash-image', fileKey, imageSize: '512', requests };
}

const resultsOf = (session: PanelSession) =>
  session.double.figma.currentPage.children.filter((n) => n.getPluginData(TURN_RECORD_KEY) !== '');

describe('a half-price job, from submission to its results on the canvas', () => {
  it('is listed after a restart, placed beside its sources once, its gone source and failure reported', async () => {
    const first = await openPanelSessionAsync({ proxyUrl: live.proxy.url });
    // Opening the plugin writes nothing in the file; submitting a job makes the file's key (READ_FILE_KEY).
    await until(() => !first.state.batchJobs.checking.value);
    expect(first.double.figma.root.getPluginData(FILE_KEY_KEY)).toBe('');
    const key = await first.bridge.request('READ_FILE_KEY', {});
    const fileKey = key.ok ? key.value : '';
    const { poster, productShot } = first.sample;
    const [hero1, hero2, hero3] = addFrames(first);
    const frames = [poster, productShot, hero1!, hero2!, hero3!];
    const prompts = frames.map((_, i) => (i === 3 ? 'warmer light [double:500]' : 'warmer light'));
    const submitted = await live.submitAsync(await jobBodyAsync(fileKey, frames, prompts));
    expect(submitted.state).toBe('pending');
    // The submitting panel keeps the job's note in the file: the prompt, each source's name and box.
    const layers = Object.fromEntries(frames.map((f) => [f.id, { name: f.name, box: f.absoluteBoundingBox! }]));
    expect(await keepBatchNoteAsync(first, submitted.id, { prompt: 'warmer light', layers })).toEqual(ok(null));
    await live.untilDoneAsync(submitted.id);
    const doc = first.double.serialize();
    first.close();

    await live.restartAsync(3600);
    const waiting = await live.submitAsync(await jobBodyAsync(fileKey, [poster], ['cancel me']));
    // The file opens again (its key is in it), with one source deleted meanwhile.
    const session = await openPanelSessionAsync({ proxyUrl: live.proxy.url });
    try {
      session.double.load(doc);
      const gone = session.double.figma.currentPage.findOne((n) => n.id === hero3!.id)!;
      gone.remove();
      await session.actions.batchJobs.checkAsync();
      const jobs = session.state.batchJobs.jobs.value;
      expect(jobs.map((j) => [j.id, j.state])).toEqual([
        [waiting.id, 'pending'],
        [submitted.id, 'succeeded'],
      ]);
      expect(jobs[1]!.counts).toEqual({ requests: 5, succeeded: 4, failed: 1, placed: 0 });

      const before = resultsOf(session).length;
      await session.actions.batchJobs.placeAsync(submitted.id);
      const outcome = session.state.batchJobs.outcomes.value.get(submitted.id)!;
      expect(outcome.placed).toBe(3);
      expect(outcome.gone).toEqual([{ index: 4, layerId: hero3!.id }]);
      expect(outcome.names[hero3!.id]).toBe('Hero 3');
      expect(outcome.failed.map((f) => f.layerId)).toEqual([hero2!.id]);
      expect(outcome.failed[0]!.message).not.toBe('');
      const placed = resultsOf(session).slice(before);
      expect(placed).toHaveLength(3);
      const records = placed.map((n) => JSON.parse(n.getPluginData(TURN_RECORD_KEY)) as TurnRecord);
      expect(records.map((r) => r.sourceNodeId)).toEqual([poster.id, productShot.id, hero1!.id]);
      for (const record of records) {
        expect(record).toMatchObject({
          prompt: 'warmer light',
          model: 'gemini-3.1-flash-image',
          batchJob: { id: submitted.id },
        });
        expect(record.usage.costUsd).toBeGreaterThan(0);
      }
      // Beside its source, at the source's size.
      const heroResult = placed[2]!;
      expect(heroResult.x).toBeGreaterThan(hero1!.x + hero1!.width);
      expect([heroResult.width, heroResult.height]).toEqual([200, 200]);
      const read = await live.readAsync(submitted.id);
      expect(read.results.map((r) => r.state)).toEqual(['placed', 'placed', 'placed', 'failed', 'ok']);

      // Placing again adds nothing: the placed ones have no image any more, and the gone one waits.
      await session.actions.batchJobs.placeAsync(submitted.id);
      expect(resultsOf(session)).toHaveLength(before + 3);
      await session.actions.batchJobs.placeAsync(submitted.id, true);
      const all = resultsOf(session);
      expect(all).toHaveLength(before + 4);
      // Where Hero 3 was, named after it, as a single edit's result is when its source is deleted meanwhile.
      const anywayLayer = all.at(-1)!;
      expect(anywayLayer.name).toBe('Hero 3 — warmer light');
      expect([anywayLayer.x, anywayLayer.y]).toEqual([hero3!.x, hero3!.y]);
      const anyway = JSON.parse(anywayLayer.getPluginData(TURN_RECORD_KEY)) as TurnRecord;
      expect(anyway).toMatchObject({ sourceNodeId: hero3!.id, batchJob: { id: submitted.id, index: 4 } });
      expect((await live.readAsync(submitted.id)).job.counts.placed).toBe(4);
      // One undo step per result: ⌘Z takes back the last one only.
      session.double.undo();
      expect(resultsOf(session)).toHaveLength(before + 3);

      await session.actions.batchJobs.cancelAsync(waiting.id);
      expect(session.state.batchJobs.outcomes.value.get(waiting.id)?.note).toMatch(/nothing of it was billed/);
      const atDouble = [...live.double.batches.values()].find((j) => j.displayName === `banana-${waiting.id}`);
      expect(atDouble?.state).toBe('BATCH_STATE_CANCELLED');
      expect(session.state.batchJobs.jobs.value.find((j) => j.id === waiting.id)?.state).toBe('cancelled');
    } finally {
      session.close();
    }
  }, 60_000);
});
