/**
 * Live replay through the proxy (docs/live-replay.md), the second half: the next turn replays the earlier ones as
 * `history`; the Gemini double checks the signatures the way Gemini does (docs/gemini-platform.md#thought-signatures)
 * and records what it got, so these tests see exactly what went upstream, and what the proxy refuses before that.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../core/errors.js';
import { generateResponseSchema, type ModelTurn } from '../../core/proxy-schema.js';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import { TEST_KEY } from '../support/proxy-harness.js';
import {
  callsFor,
  contentsOf,
  firstTurn,
  FLASH,
  h,
  OLD,
  post,
  SOURCE,
  useLiveReplayHarness,
  userOf,
} from './live-replay-fixtures.js';

useLiveReplayHarness();

describe('history', () => {
  it('replays the earlier turns before the new instruction, and Gemini answers from its own image', async () => {
    const first = await firstTurn('navy jacket lr-4');
    const history = [userOf(first.request), first.answer.modelTurn!];
    const second = await post({
      model: FLASH,
      prompt: 'now remove the logo lr-4',
      aspectRatio: '4:5',
      history,
      returnModelTurn: true,
    });
    expect(second.status).toBe(200);
    const answer = generateResponseSchema.parse(second.json);

    const [call] = callsFor('now remove the logo lr-4');
    const contents = contentsOf(call!);
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    // The earlier user turn as it was sent, the model's content untouched, then the new words alone.
    expect(contents[0]).toEqual(userOf(first.request));
    expect(contents[1]).toEqual(first.answer.modelTurn);
    expect(contents[2]).toEqual({ role: 'user', parts: [{ text: 'now remove the logo lr-4' }] });
    expect(call!.status).toBe(200);
    // The new answer is signed too, ready for a third turn.
    expect(answer.modelTurn!.parts.every((p) => p.thoughtSignature)).toBe(true);
    expect(answer.image.data).not.toBe(first.answer.image.data);

    // Gemini bills every replayed image: two input images (the source and the model's), as the usage row says.
    const record = await h.store.usageRecord(second.id);
    expect(record?.inputImages).toBe(2);
    expect(answer.usage.inputTokens).toBe(
      Math.ceil(('navy jacket lr-4' + 'now remove the logo lr-4').length / 4) + 2 * 560,
    );
  });

  it('sends three turns of history in order on the third call', async () => {
    const first = await firstTurn('turn one lr-5');
    const history1 = [userOf(first.request), first.answer.modelTurn!];
    const second = withFullModelTurn(
      generateResponseSchema.parse(
        (await post({ model: FLASH, prompt: 'turn two lr-5', history: history1, returnModelTurn: true })).json,
      ),
    );
    const history2 = [...history1, userOf({ prompt: 'turn two lr-5' }), second.modelTurn!];
    const third = await post({ model: FLASH, prompt: 'turn three lr-5', history: history2 });
    expect(third.status).toBe(200);
    const contents = contentsOf(callsFor('turn three lr-5')[0]!);
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user']);
    expect([contents[1], contents[3]]).toEqual([first.answer.modelTurn, second.modelTurn]);
    expect(third.json.modelTurn).toBeUndefined(); // not asked for
  });

  it('a model turn without its signatures on Gemini 3 is replay_rejected, in plain words', async () => {
    const first = await firstTurn('unsigned lr-6');
    const unsigned: ModelTurn = {
      role: 'model',
      parts: first.answer.modelTurn!.parts.map(({ thoughtSignature: _gone, ...part }) => part),
    };
    const res = await post({ model: FLASH, prompt: 'again lr-6', history: [userOf(first.request), unsigned] });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'replay_rejected', message: ERROR_MESSAGES.replay_rejected });
    // Gemini said why (the double answers as Google does), once: a 400 is never retried.
    const calls = callsFor('again lr-6');
    expect(calls.map((c) => c.status)).toEqual([400]);
    expect(JSON.stringify(res.json)).not.toContain(TEST_KEY);
    expect((await h.store.usageRecord(res.id))?.outcome).toBe('replay_rejected');
  });

  it('a signature Gemini will not take is replay_rejected too ([double:invalid-signature])', async () => {
    const first = await firstTurn('foreign signature lr-7');
    const res = await post({
      model: FLASH,
      prompt: 'again lr-7 [double:invalid-signature]',
      history: [userOf(first.request), first.answer.modelTurn!],
    });
    expect([res.status, res.json.error.code]).toEqual([409, 'replay_rejected']);
    // The same words sent stateless are answered: only the replay was refused.
    const stateless = await post({
      model: FLASH,
      prompt: 'again lr-7 [double:invalid-signature]',
      images: [{ data: SOURCE, mimeType: 'image/png', role: 'base' }],
    });
    expect(stateless.status).toBe(200);
  });

  it('2.5 Flash Image signs nothing and takes a replay without signatures', async () => {
    const first = await firstTurn('old model lr-8', OLD);
    expect(first.answer.modelTurn!.parts.some((p) => p.thoughtSignature)).toBe(false);
    const res = await post({
      model: OLD,
      prompt: 'again lr-8',
      history: [userOf(first.request), first.answer.modelTurn!],
    });
    expect(res.status).toBe(200);
  });

  it('counts replayed user images against the model’s limit', async () => {
    // 2.5 Flash Image takes 3 input images: two in the history and two new ones are four.
    const image = { data: SOURCE, mimeType: 'image/png' as const };
    const history = [
      { role: 'user', parts: [{ inlineData: image }, { inlineData: image }, { text: 'two images lr-9' }] },
      { role: 'model', parts: [{ inlineData: image }] },
    ];
    const res = await post({
      model: OLD,
      prompt: 'over the limit lr-9',
      history,
      images: [
        { ...image, role: 'style' },
        { ...image, role: 'subject' },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([400, 'too_many_images']);
    expect(callsFor('over the limit lr-9')).toEqual([]);
  });

  it('refuses a replayed image that is not one, before calling Gemini', async () => {
    const broken = Buffer.from('this is not a picture at all').toString('base64');
    const res = await post({
      model: FLASH,
      prompt: 'broken lr-10',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: broken }, thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([415, 'unsupported_image']);
    expect(res.json.error.message).toMatch(/^Image 1 of the earlier turns is not a PNG, JPEG or WebP image/);
    expect(callsFor('broken lr-10')).toEqual([]);
  });

  it('holds the body limit: history counts toward it (8 MB in this harness)', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024, 1).toString('base64'); // 9.3 MB of base64
    const res = await post({
      model: FLASH,
      prompt: 'too big lr-11',
      history: [
        { role: 'user', parts: [{ text: 'x' }] },
        { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: big }, thoughtSignature: 'c2ln' }] },
      ],
    });
    expect([res.status, res.json.error.code]).toEqual([413, 'request_too_large']);
    expect(callsFor('too big lr-11')).toEqual([]);
  });
});
