/**
 * Erase's words and plan (core/erase-instruction.ts, core/erase-plan.ts), its request (core/turn-request.ts), the
 * record's `tool` (core/turn-record.ts), and the Gemini double's erase fill (dev/gemini-double/erase-fill.ts).
 */
import { describe, expect, it } from 'vitest';
import { ERASE_PROMPT, eraseInstruction } from '../../core/erase-instruction.js';
import { ERASE_TOOL, planErase } from '../../core/erase-plan.js';
import { ok } from '../../core/result.js';
import { createImage } from '../../core/rgba-image.js';
import { estimateTurnUsd } from '../../core/turn-estimate.js';
import { buildTurnRecord, parseTurnRecord, serializeTurnRecord } from '../../core/turn-record.js';
import { turnRequest } from '../../core/turn-request.js';
import { isErasePrompt, renderErase } from '../../dev/gemini-double/erase-fill.js';
import { inputFor, patch, poster } from './turn-plan-cases.js';

describe('eraseInstruction', () => {
  it('follows Google’s template for removing an element, naming the region by its place', () => {
    const text = eraseInstruction({
      crop: { x: 0, y: 0, width: 1000, height: 1000 },
      region: { x: 100, y: 100, width: 300, height: 200 },
    });
    expect(text).toBe(
      'Using the provided image, please remove the object in the top-left part of the image, about 30% of its width ' +
        'and 20% of its height from the scene, and fill its place with the background that continues around it. ' +
        'Ensure the change is seamless: match the surrounding texture, lighting, perspective and grain, and add ' +
        'nothing new. Keep everything else in the image exactly the same.',
    );
    expect(isErasePrompt(text)).toBe(true);
    expect(isErasePrompt('a red armchair')).toBe(false);
  });
});

describe('planErase', () => {
  const input = inputFor([poster, patch]);
  it('is a stateless regional edit worded as a removal, and priced like one', () => {
    const plan = planErase(input.model, ok(input.shape))!;
    expect(plan.kind).toBe('regional-edit');
    expect(plan.live).toBe(false);
    expect(plan.instruction).toBe(ERASE_PROMPT);
    const { request } = turnRequest(plan, [{ nodeId: poster.id, role: 'base', bytes: new Uint8Array(8) }]);
    expect(request.prompt).toMatch(/^Using the provided image, please remove the object .* from the scene/);
    expect(request.history).toBeUndefined();
    expect(estimateTurnUsd(plan)).toBeGreaterThan(0);
  });
  it('needs a shape over an image', () => {
    const whole = inputFor([poster]);
    expect(planErase(whole.model, ok(whole.shape))).toBeNull();
    expect(planErase(null, ok(input.shape))).toBeNull();
  });
});

describe('the turn record keeps the tool', () => {
  it('written, serialized and read back', () => {
    const record = buildTurnRecord(
      {
        prompt: ERASE_PROMPT,
        model: 'gemini-3.1-flash-image',
        params: { aspectRatio: '1:1', imageSize: '1K' },
        inputs: [{ nodeId: '1:2', role: 'base' }],
        tool: ERASE_TOOL,
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0.04 },
      },
      {
        id: 't1',
        parent: null,
        sourceNodeId: '1:2',
        originNodeId: '5:9',
        author: null,
        createdAt: '2026-01-02T03:04:05.678Z',
      },
    );
    expect(record.tool).toEqual({ name: 'erase' });
    const text = serializeTurnRecord(record);
    if (!text.ok) throw new Error(text.error.message);
    expect(parseTurnRecord(text.value)).toEqual(ok(record));
  });
});

describe('the double’s erase fill', () => {
  it('fills the answer with the mean colour of the source’s border', () => {
    const source = createImage(4, 4);
    for (let i = 0; i < 16; i++)
      source.data.set(i === 5 || i === 6 || i === 9 || i === 10 ? [0, 0, 0, 255] : [200, 100, 50, 255], i * 4);
    const answer = renderErase(source, 3, 2);
    expect([answer.width, answer.height]).toEqual([3, 2]);
    expect([...answer.data]).toEqual(Array.from({ length: 6 }, () => [200, 100, 50, 255]).flat());
  });
});
