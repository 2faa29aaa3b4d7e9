/**
 * `[double:invalid-signature]` through the real `@google/genai` client (docs/gemini-double.md): a replayed model turn
 * whose signatures Gemini will not take is refused with Google's 400, and the same words without a model turn are
 * answered. How tests reach the panel's fallback from a refused replay (docs/live-replay.md).
 */
import { ApiError, type Content } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';

const sdk = useGeminiDoubleWithSdk();

/** IMAGE only, small where the model has a size knob (2.5 refuses any `imageSize`). */
const configFor = (model: string) =>
  model.startsWith('gemini-2.5')
    ? { responseModalities: ['IMAGE'] }
    : { responseModalities: ['IMAGE'], imageConfig: { imageSize: '512' } };

/** A first turn on `model`, and its answer as a model content to replay. */
async function firstTurn(model: string, prompt: string): Promise<Content[]> {
  const answer = await sdk.ai.models.generateContent({ model, contents: prompt, config: configFor(model) });
  return [{ role: 'user', parts: [{ text: prompt }] }, answer.candidates![0]!.content!];
}

async function status(model: string, contents: Content[]): Promise<{ status: number; message: string }> {
  try {
    await sdk.ai.models.generateContent({ model, contents, config: configFor(model) });
    return { status: 200, message: '' };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      status: error.status,
      message: (JSON.parse(error.message) as { error: { message: string } }).error.message,
    };
  }
}

describe('[double:invalid-signature]', () => {
  it('refuses a signed model turn with Google’s 400, naming where', async () => {
    const history = await firstTurn('gemini-3.1-flash-image', 'a lighthouse');
    const next: Content = { role: 'user', parts: [{ text: 'at night [double:invalid-signature]' }] };
    expect(await status('gemini-3.1-flash-image', [...history, next])).toEqual({
      status: 400,
      message: 'Invalid thought signature in content position 2, part position 1.',
    });
    // Without it, the very same replay is answered.
    expect(
      await status('gemini-3.1-flash-image', [...history, { role: 'user', parts: [{ text: 'at night' }] }]),
    ).toEqual({ status: 200, message: '' });
  });

  it.each([
    ['a stateless call', 'gemini-3.1-flash-image', false],
    ['a replay of a model that signs nothing (2.5)', 'gemini-2.5-flash-image', true],
  ])('answers %s normally', async (_name, model, replay) => {
    const history = replay ? await firstTurn(model, 'a harbour') : [];
    const next: Content = { role: 'user', parts: [{ text: 'fog [double:invalid-signature]' }] };
    expect((await status(model, [...history, next])).status).toBe(200);
  });
});
