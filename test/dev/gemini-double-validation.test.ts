/**
 * The Gemini double against the real `@google/genai` client: the requests it refuses as Gemini does, and thought
 * signatures (signed answers, and replays checked for them). Triggers are in gemini-trigger-refusals.test.ts and
 * gemini-trigger-answers.test.ts.
 */
import type { GenerateContentResponse, Part } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { apiErrorOf, finalImage, halfAndHalf, partsOf, pngBase64, rejection } from '../support/gemini-answers.js';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';
import { IMAGE_SIGNATURE_CHARS, TEXT_SIGNATURE_CHARS } from '../../dev/gemini-double/answer.js';

const sdk = useGeminiDoubleWithSdk();

describe('validation', () => {
  it('rejects an unknown model with 404 NOT_FOUND', async () => {
    const error = apiErrorOf(
      await rejection(sdk.ai.models.generateContent({ model: 'gemini-9-ultra-image', contents: 'x' })),
    );
    expect(error.status).toBe(404);
    expect(error.body.error.status).toBe('NOT_FOUND');
    expect(error.body.error.message).toBe(
      'models/gemini-9-ultra-image is not found for API version v1, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
    );
  });

  it.each([
    ['gemini-3.1-flash-image', { aspectRatio: '7:3' }, 'aspect ratio'],
    ['gemini-3-pro-image', { aspectRatio: '1:8' }, 'aspect ratio'],
    ['gemini-3-pro-image', { imageSize: '512' }, 'image size'],
    ['gemini-3.1-flash-image', { imageSize: '8K' }, 'image size'],
    ['gemini-3.1-flash-image', { imageSize: '1k' }, 'image size'],
    ['gemini-2.5-flash-image', { imageSize: '1K' }, 'Image size'],
  ])('%s rejects %o with 400 INVALID_ARGUMENT', async (model, imageConfig, words) => {
    const error = apiErrorOf(
      await rejection(sdk.ai.models.generateContent({ model, contents: 'x', config: { imageConfig } })),
    );
    expect(error.status).toBe(400);
    expect(error.body.error.status).toBe('INVALID_ARGUMENT');
    expect(error.body.error.message).toContain(words);
  });

  it('rejects candidateCount 2', async () => {
    const call = sdk.ai.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: 'x',
      config: { candidateCount: 2 },
    });
    const error = apiErrorOf(await rejection(call));
    expect(error.status).toBe(400);
    expect(error.body.error.message).toBe('Multiple candidates is not enabled for this model');
  });

  it('rejects more input images than the model takes', async () => {
    const image = { inlineData: { mimeType: 'image/png', data: pngBase64(halfAndHalf(16, 16)) } };
    const call = sdk.ai.models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: [image, image, image, image, 'x'],
    });
    const error = apiErrorOf(await rejection(call));
    expect(error.status).toBe(400);
    expect(error.body.error.message).toContain('at most 3');
    const three = await sdk.ai.models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: [image, image, image, 'x'],
    });
    expect(finalImage(three).length).toBeGreaterThan(0);
  });

  it.each([
    ['bad base64', 'not base64 at all!'],
    ['bytes that are no image', Buffer.from('hello, I am a text file').toString('base64')],
    ['a truncated PNG', pngBase64(halfAndHalf(64, 64)).slice(0, 120)],
  ])('rejects %s with "Request contains an invalid argument."', async (_, data) => {
    const call = sdk.ai.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: [{ inlineData: { mimeType: 'image/png', data } }, 'x'],
    });
    const error = apiErrorOf(await rejection(call));
    expect(error.status).toBe(400);
    expect(error.body.error).toEqual({
      code: 400,
      message: 'Request contains an invalid argument.',
      status: 'INVALID_ARGUMENT',
    });
  });
});

describe('thought signatures', () => {
  it('signs the first text part and the image on Gemini 3, and nothing on 2.5', async () => {
    const three = await sdk.ai.models.generateContent({ model: 'gemini-3.1-flash-image', contents: 'a fox' });
    for (const part of partsOf(three)) expect(part.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const two = await sdk.ai.models.generateContent({ model: 'gemini-2.5-flash-image', contents: 'a fox' });
    expect(partsOf(two)).toHaveLength(2);
    for (const part of partsOf(two)) expect(part.thoughtSignature).toBeUndefined();
  });

  it('signs image parts at the recorded size (597,616 characters), the same per request, another per prompt', async () => {
    const ask = (contents: string) =>
      sdk.ai.models.generateContent({
        model: 'gemini-3.1-flash-image',
        contents,
        config: { imageConfig: { imageSize: '512' } },
      });
    const [a, b, c] = await Promise.all([ask('a long-signed fox'), ask('a long-signed fox'), ask('another fox')]);
    const signatureOf = (response: GenerateContentResponse) => partsOf(response).at(-1)?.thoughtSignature ?? '';
    expect(signatureOf(a)).toHaveLength(IMAGE_SIGNATURE_CHARS);
    expect(IMAGE_SIGNATURE_CHARS).toBe(597_616);
    expect(Buffer.from(signatureOf(a), 'base64').toString('base64')).toBe(signatureOf(a));
    expect(signatureOf(b)).toBe(signatureOf(a));
    expect(signatureOf(c)).not.toBe(signatureOf(a));
    // The text part's signature is small; no recording shows its size.
    expect(partsOf(a)[0]?.thoughtSignature).toHaveLength(TEXT_SIGNATURE_CHARS);
  });

  it('rejects a replayed model turn without signatures, with the 1-based position', async () => {
    const image = { inlineData: { mimeType: 'image/png', data: pngBase64(halfAndHalf(32, 32)) } };
    const replay = (modelParts: Part[]) =>
      sdk.ai.models.generateContent({
        model: 'gemini-3-pro-image',
        contents: [
          { role: 'user', parts: [{ text: 'a fox' }] },
          { role: 'model', parts: modelParts },
          { role: 'user', parts: [{ text: 'warmer light' }] },
        ],
      });
    const imageError = apiErrorOf(await rejection(replay([image])));
    expect(imageError.status).toBe(400);
    expect(imageError.body.error.message).toBe(
      'Image part is missing a thought_signature in content position 2, part position 1.',
    );
    const textError = apiErrorOf(
      await rejection(replay([{ text: 'Here it is.' }, { ...image, thoughtSignature: 'c2ln' }])),
    );
    expect(textError.body.error.message).toBe(
      'Text part is missing a thought_signature in content position 2, part position 1.',
    );
    const secondImage = apiErrorOf(await rejection(replay([{ ...image, thoughtSignature: 'c2ln' }, image])));
    expect(secondImage.body.error.message).toBe(
      'Image part is missing a thought_signature in content position 2, part position 2.',
    );
    const signed = await replay([
      { text: 'Here it is.', thoughtSignature: 'c2ln' },
      { ...image, thoughtSignature: 'c2ln' },
    ]);
    expect(finalImage(signed).length).toBeGreaterThan(0);
  });

  it('accepts a chat that replays the signatures it was given', async () => {
    const chat = sdk.ai.chats.create({ model: 'gemini-3.1-flash-image' });
    await chat.sendMessage({ message: 'a paper boat' });
    const second = await chat.sendMessage({ message: 'now at night' });
    expect(finalImage(second).length).toBeGreaterThan(0);
    const sent = sdk.double.requests.at(-1)?.body as { contents: { role: string; parts: Part[] }[] };
    expect(sent.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(sent.contents[1]?.parts.every((p) => typeof p.thoughtSignature === 'string')).toBe(true);
  });

  it('does not check signatures on 2.5', async () => {
    const response = await sdk.ai.models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: [
        { role: 'user', parts: [{ text: 'a fox' }] },
        { role: 'model', parts: [{ text: 'Here it is.' }] },
        { role: 'user', parts: [{ text: 'warmer' }] },
      ],
    });
    expect(finalImage(response).length).toBeGreaterThan(0);
  });
});
