import { describe, expect, it } from 'vitest';
import {
  batchTurnDraft,
  failureWords,
  goneLine,
  jobActions,
  jobCostLine,
  jobStateLine,
  layerLabel,
  planPlacing,
  ratioOf,
  timeAgo,
} from '../../core/batch-job-view.js';
import type { BatchJobView, BatchResultView } from '../../core/batch-schema.js';
import { turnDraftSchema } from '../../core/turn-record.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');

type JobOver = Partial<Omit<BatchJobView, 'counts'>> & { counts?: Partial<BatchJobView['counts']> };

function job(over: JobOver = {}): BatchJobView {
  const { counts, ...rest } = over;
  return {
    id: 'job-1',
    fileKey: 'f_0',
    model: 'gemini-3.1-flash-image',
    imageSize: '1K',
    state: 'running',
    costUsd: 0.78,
    createdAt: '2026-12-04T10:00:00Z',
    doneAt: null,
    ...rest,
    counts: { requests: 40, succeeded: 0, failed: 0, placed: 0, ...counts },
  };
}

const image = { data: 'AAAA', mimeType: 'image/png', width: 1024, height: 576 };

describe('a job in plain words', () => {
  it.each([
    [job(), 'Running at Google · 40 frames · submitted 2 h ago'],
    [
      job({ state: 'pending', createdAt: '2026-12-04T11:55:00Z' }),
      'Waiting at Google · 40 frames · submitted 5 min ago',
    ],
    [job({ state: 'submitting', counts: { requests: 1 } }), 'Sending to Google · 1 frame · submitted 2 h ago'],
    [job({ state: 'succeeded', counts: { succeeded: 38, failed: 2 } }), 'Done · 38 ready, 2 failed'],
    [job({ state: 'succeeded', counts: { succeeded: 38, placed: 38 } }), 'Done · all 38 placed'],
    [job({ state: 'succeeded', counts: { succeeded: 38, placed: 30 } }), 'Done · 8 ready'],
    [job({ state: 'succeeded', counts: { failed: 40 } }), 'Done · no images, 40 failed'],
    [job({ state: 'failed', counts: { failed: 40 } }), 'Failed at Google · 40 failed'],
    [job({ state: 'cancelled' }), 'Cancelled'],
    [job({ state: 'expired' }), 'Expired'],
  ])('%#: %s', (view, line) => {
    expect(jobStateLine(view, NOW)).toBe(line);
  });

  it('says what the job costs at the batch rate: reserved while open, nothing once cancelled', () => {
    const usd = (n: number) => `$${n.toFixed(2)}`;
    expect(jobCostLine(job(), usd)).toBe('up to $0.78 at half price');
    expect(jobCostLine(job({ state: 'succeeded' }), usd)).toBe('$0.78 at half price');
    expect(jobCostLine(job({ state: 'cancelled' }), usd)).toBe('nothing billed');
  });

  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [61_000, '1 min ago'],
    [3 * 3600_000, '3 h ago'],
    [72 * 3600_000, '3 days ago'],
  ])('%d ms ago is %s', (ms, words) => {
    expect(timeAgo(NOW - ms, NOW)).toBe(words);
  });
});

describe('what a job offers', () => {
  it.each([
    [job(), { place: 0, cancel: true, dismiss: false }],
    [job({ state: 'submitting' }), { place: 0, cancel: false, dismiss: false }],
    [job({ state: 'succeeded', counts: { succeeded: 38, failed: 2 } }), { place: 38, cancel: false, dismiss: false }],
    [job({ state: 'succeeded', counts: { succeeded: 38, placed: 38 } }), { place: 0, cancel: false, dismiss: true }],
    [job({ state: 'cancelled' }), { place: 0, cancel: false, dismiss: true }],
    [job({ state: 'expired' }), { place: 0, cancel: false, dismiss: true }],
  ])('%#', (view, actions) => {
    expect(jobActions(view)).toEqual(actions);
  });
});

describe('which results to place', () => {
  const results: BatchResultView[] = [
    { index: 0, layerId: '1:2', state: 'ok', image },
    { index: 1, layerId: '1:3', state: 'failed', error: { code: 'upstream_error', message: 'Gemini failed.' } },
    { index: 2, layerId: '1:4', state: 'placed' },
    { index: 3, layerId: '1:5', state: 'ok', image },
    { index: 4, layerId: '1:6', state: 'waiting' },
  ];

  it('places those with an image, counts the placed ones, and lists the failed with their error', () => {
    const plan = planPlacing(results);
    expect(plan.toPlace.map((r) => r.index)).toEqual([0, 3]);
    expect(plan.alreadyPlaced).toBe(1);
    expect(plan.failed).toEqual([{ index: 1, layerId: '1:3', message: 'Gemini failed.' }]);
  });

  it('never places twice what was placed but not yet marked at the proxy', () => {
    const plan = planPlacing(results, new Set([0]));
    expect(plan.toPlace.map((r) => r.index)).toEqual([3]);
    expect(plan.alreadyPlaced).toBe(2);
  });

  it.each([
    [undefined, 'Google gave no reason.'],
    [{ code: 'cancelled', message: 'x' }, 'The job was cancelled before this frame was made; nothing was billed.'],
    [{ code: 'safety_blocked', message: 'SAFETY' }, "Blocked by Google's safety filters: SAFETY"],
    [{ code: 'upstream_error', message: '' }, 'Google answered upstream_error.'],
  ])('%# failure in words', (error, words) => {
    expect(failureWords(error)).toBe(words);
  });

  it('names gone frames as the file’s note names them, else by their layer', () => {
    const names = { '1:5': 'Hero 3' };
    expect(goneLine([layerLabel('1:5', names)])).toBe('1 frame is gone from this page: Hero 3');
    expect(goneLine(['1:5', '1:9'].map((id) => layerLabel(id, names)))).toBe(
      '2 frames are gone from this page: Hero 3, layer 1:9',
    );
  });
});

describe('the turn draft of a placed result', () => {
  it.each([
    [1024, 576, '16:9'],
    [1024, 1024, '1:1'],
    [768, 1376, '24:43'],
    [0, 10, '1:10'],
  ])('%d × %d is %s', (w, h, ratio) => {
    expect(ratioOf(w, h)).toBe(ratio);
  });

  it('carries the job, the model, its share of the cost at the batch rate, and checks as a turn draft', () => {
    const done = job({ state: 'succeeded', costUsd: 0.09, imageSize: null, counts: { succeeded: 3 } });
    const draft = batchTurnDraft(done, { index: 2, layerId: '1:4', state: 'ok', image });
    expect(draft).toMatchObject({
      model: 'gemini-3.1-flash-image',
      params: { aspectRatio: '16:9', imageSize: '1K' },
      inputs: [{ nodeId: '1:4', role: 'base' }],
      batchJob: { id: 'job-1', index: 2 },
      usage: { costUsd: 0.03 },
    });
    expect(turnDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.prompt).toBe('Half-price job result');
    expect(batchTurnDraft(done, { index: 0, layerId: '1:2', state: 'ok', image }, 'warmer light').prompt).toBe(
      'warmer light',
    );
  });
});
