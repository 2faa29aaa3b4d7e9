/**
 * A batch over a selection, planned (core/batch-plan.ts): which selections can be one, each frame planned as a single
 * edit of it alone would be, and the estimate: the sum of the frames' own single-edit estimates, times the variants,
 * and at the model's batch rate.
 */
import { describe, expect, it } from 'vitest';
import { batchEligibility, frameShapeOf, MAX_BATCH_FRAMES, planBatch, type BatchInput } from '../../core/batch-plan.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { estimateTurnUsd } from '../../core/turn-estimate.js';
import { planTurn } from '../../core/turn-plan.js';
import { FLASH, model, poster } from './turn-plan-cases.js';

const frame = (i: number, extra: Partial<NodeSnapshot> = {}): NodeSnapshot => ({
  id: `9:${i}`,
  name: `Product ${i}`,
  type: 'FRAME',
  width: 400,
  height: 500,
  hasText: false,
  hasImageFill: false,
  hasTurn: false,
  box: { x: i * 500, y: 0, width: 400, height: 500 },
  ...extra,
});
const frames = (n: number) => Array.from({ length: n }, (_, i) => frame(i + 1));

const input = (over: Partial<BatchInput> = {}): BatchInput => ({
  model: model(FLASH),
  instruction: 'on a marble table',
  frames: frames(3),
  choice: { aspectRatio: '1:1', imageSize: null },
  variants: 1,
  keepTextChoice: null,
  pinned: null,
  brand: null,
  ...over,
});

describe('batchEligibility', () => {
  it.each([
    ['one frame', [frame(1)], 1, false],
    ['two frames', frames(2), 2, true],
    ['an image layer and a frame', [frame(1), frame(2, { type: 'RECTANGLE', hasImageFill: true })], 2, true],
    ['a bare shape among frames', [frame(1), frame(2, { type: 'RECTANGLE' })], 2, false],
    ['a text layer among frames', [frame(1), frame(2, { type: 'TEXT' })], 2, false],
    ['more selected than the panel knows', frames(3), 5, false],
    ['more than a batch takes', frames(3), MAX_BATCH_FRAMES + 1, false],
  ])('%s', (_, layers, count, ok) => {
    const eligible = batchEligibility(layers, count);
    expect(eligible.ok).toBe(ok);
    if (!eligible.ok) expect(eligible.reason).toMatch(/\w/);
  });

  it('names the layer that stops it', () => {
    const eligible = batchEligibility([frame(1), frame(2, { type: 'ELLIPSE', name: 'Dot' })], 2);
    expect(eligible).toEqual({ ok: false, reason: expect.stringContaining('“Dot”') });
  });
});

describe('planBatch', () => {
  it('plans each frame as a stateless edit of it alone, with its own ratio', () => {
    const wide = frame(2, { width: 800, height: 450 });
    const plan = planBatch(input({ frames: [frame(1), wide] }));
    expect(plan.frames.map((f) => f.plan.kind)).toEqual(['edit', 'edit']);
    expect(plan.frames.map((f) => f.plan.aspectRatio)).toEqual(['4:5', '16:9']);
    for (const f of plan.frames) {
      expect(f.plan.replay).toBeNull();
      expect(f.plan.images).toEqual([expect.objectContaining({ nodeId: f.frame.id, role: 'base' })]);
    }
  });

  it('gives each poster its own text as context, and keeps it live', () => {
    const plan = planBatch(input({ frames: [poster, frame(1)] }));
    expect(plan.frames[0]!.plan.text).toContain('"Summer Sale"');
    expect(plan.frames[0]!.shape.inputs.keepText).toBe(true);
    expect(plan.frames[1]!.plan.text).toBe('');
  });

  it('estimates each frame as a single edit of it would, times the variants, and at the batch rate', () => {
    const one = planBatch(input({ frames: [poster, frame(1), frame(2)] }));
    const singles = one.frames.map((f) => {
      const shape = frameShapeOf(input(), f.frame);
      if (!shape.ok) throw new Error(shape.error.message);
      const alone = planTurn({
        model: model(FLASH),
        instruction: 'on a marble table',
        shape: shape.value,
        chain: [],
        live: null,
      });
      return estimateTurnUsd(alone)!;
    });
    expect(one.standardUsd).toBeCloseTo(
      singles.reduce((a, b) => a + b, 0),
      10,
    );
    expect(one.calls).toBe(3);
    const three = planBatch(input({ frames: [poster, frame(1), frame(2)], variants: 3 }));
    expect(three.calls).toBe(9);
    expect(three.standardUsd).toBeCloseTo(one.standardUsd! * 3, 10);
    expect(three.batchUsd).toBeCloseTo(three.standardUsd! * 0.5, 10);
  });

  it('offers no half price without a batch rate (an older proxy)', () => {
    const { batchRate: _, ...older } = model(FLASH);
    const plan = planBatch(input({ model: older }));
    expect(plan.standardUsd).not.toBeNull();
    expect(plan.batchUsd).toBeNull();
  });

  it('leaves out a frame with no area, saying why, and plans the rest', () => {
    const plan = planBatch(input({ frames: [frame(1), frame(2, { width: 0, name: 'Empty' })] }));
    expect(plan.frames.map((f) => f.frame.id)).toEqual(['9:1']);
    expect(plan.refused).toEqual([
      { frame: expect.objectContaining({ name: 'Empty' }), reason: expect.stringContaining('"Empty"') },
    ]);
    expect(plan.calls).toBe(1);
  });
});
