/**
 * The Gemini double against the real `@google/genai` client: sizes, edits, validation, thought signatures, Vertex
 * paths and the key check. Triggers are in gemini-triggers.test.ts.
 */
import { ApiError, GoogleGenAI, type GenerateContentResponse, type Part } from '@google/genai';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, encodePng, type RgbaImage } from '../../core/png.js';
import { IMAGE_SIGNATURE_CHARS, TEXT_SIGNATURE_CHARS } from '../../dev/gemini-double/answer.js';
import { decodeInputImage } from '../../dev/gemini-double/image.js';
import { startGeminiDouble } from '../../dev/gemini-double/server.js';

const sdk = useGeminiDoubleWithSdk();

function partsOf(response: GenerateContentResponse): Part[] {
  return response.candidates?.[0]?.content?.parts ?? [];
}

/** The image to take: the last inline part that is not a thought (docs/gemini-platform.md#the-answers-image). */
function finalImage(response: GenerateContentResponse): Buffer {
  const part = partsOf(response)
    .filter((p) => p.inlineData && !p.thought)
    .at(-1);
  if (!part?.inlineData?.data) throw new Error('no image in the answer');
  return Buffer.from(part.inlineData.data, 'base64');
}

/** The pixels of an answer, PNG or JPEG. */
function decodedImage(bytes: Uint8Array): RgbaImage {
  const image = decodeInputImage(bytes);
  if (!image) throw new Error('the answer is no image the double can decode');
  return image;
}

function pngBase64(image: RgbaImage): string {
  return Buffer.from(encodePng(image, 1)).toString('base64');
}

/** Left half black, right half white: an input whose layout an edit must keep. */
function halfAndHalf(width: number, height: number): RgbaImage {
  const image = createImage(width, height, [255, 255, 255, 255]);
  for (let y = 0; y < height; y++) image.data.fill(0, y * width * 4, y * width * 4 + (width / 2) * 4);
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
}

/** Mean of R, G and B over a rectangle given in fractions of the image. */
function meanBrightness(image: RgbaImage, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(y0 * image.height); y < Math.floor(y1 * image.height); y++) {
    for (let x = Math.floor(x0 * image.width); x < Math.floor(x1 * image.width); x++) {
      const o = (y * image.width + x) * 4;
      sum += image.data[o]! + image.data[o + 1]! + image.data[o + 2]!;
      count += 3;
    }
  }
  return sum / count;
}

function apiErrorOf(error: unknown): {
  status: number;
  body: { error: { code: number; message: string; status: string; details?: unknown[] } };
} {
  if (!(error instanceof ApiError)) throw error;
  return { status: error.status, body: JSON.parse(error.message) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('text to image', () => {
  it.each([
    // Gemini 3 answers JPEG, 2.5 PNG (docs/gemini-double.md "What is sourced").
    ['gemini-3.1-flash-image', '16:9', '4K', 5504, 3072, 2520, 'image/jpeg'],
    ['gemini-3.1-flash-image', '1:8', '512', 192, 1536, 747, 'image/jpeg'],
    ['gemini-3.1-flash-image', '8:1', '2K', 6144, 768, 1680, 'image/jpeg'],
    ['gemini-3-pro-image', '4:5', '2K', 1856, 2304, 1120, 'image/jpeg'],
    ['gemini-3-pro-image', undefined, undefined, 1024, 1024, 1120, 'image/jpeg'],
    ['gemini-2.5-flash-image', '21:9', undefined, 1536, 672, 1290, 'image/png'],
    ['gemini-2.5-flash-image', '3:4', undefined, 864, 1184, 1290, 'image/png'],
  ])(
    '%s %s %s answers a decodable %ix%i %s',
    async (model, aspectRatio, imageSize, width, height, tokens, mimeType) => {
      const response = await sdk.ai.models.generateContent({
        model,
        contents: `a lighthouse at dusk (${model} ${aspectRatio} ${imageSize})`,
        config: { imageConfig: { aspectRatio, imageSize } },
      });
      const bytes = finalImage(response);
      expect(readImageHeader(bytes)).toEqual({ mimeType, width, height });
      expect(partsOf(response).at(-1)?.inlineData?.mimeType).toBe(mimeType);
      const pixels = decodedImage(bytes);
      expect([pixels.width, pixels.height]).toEqual([width, height]);
      expect(response.candidates?.[0]?.finishReason).toBe('STOP');
      expect(response.modelVersion).toBe(model);
      expect(response.responseId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const usage = response.usageMetadata;
      expect(usage?.candidatesTokensDetails).toContainEqual({ modality: 'IMAGE', tokenCount: tokens });
      expect(usage?.totalTokenCount).toBe(
        (usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
      );
      const sent = sdk.double.requests.at(-1)?.body as { generationConfig?: { imageConfig?: unknown } };
      expect(sent.generationConfig?.imageConfig).toEqual({ aspectRatio, imageSize });
    },
  );

  it('puts a text part first, then the image, unless only IMAGE is asked for', async () => {
    const both = await sdk.ai.models.generateContent({ model: 'gemini-3-pro-image', contents: 'a red kite' });
    expect(partsOf(both).map((p) => (p.text !== undefined ? 'text' : 'image'))).toEqual(['text', 'image']);
    const imageOnly = await sdk.ai.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: 'a red kite',
      config: { responseModalities: ['IMAGE'] },
    });
    expect(partsOf(imageOnly).map((p) => (p.text !== undefined ? 'text' : 'image'))).toEqual(['image']);
    expect(finalImage(imageOnly).equals(finalImage(both))).toBe(true);
  });

  it('answers the same request with byte-identical images, and another prompt with another image', async () => {
    const ask = (contents: string) =>
      sdk.ai.models.generateContent({
        model: 'gemini-3.1-flash-image',
        contents,
        config: { imageConfig: { imageSize: '512' } },
      });
    const [a, b, c] = await Promise.all([ask('three pears'), ask('three pears'), ask('four pears')]);
    expect(finalImage(a).equals(finalImage(b))).toBe(true);
    expect(finalImage(a).equals(finalImage(c))).toBe(false);
    expect(a.responseId).not.toBe(b.responseId);
  });

  it('counts prompt tokens from text and input images', async () => {
    const text = 'x'.repeat(400);
    const plain = await sdk.ai.models.generateContent({ model: 'gemini-3-pro-image', contents: text });
    expect(plain.usageMetadata?.promptTokensDetails).toEqual([{ modality: 'TEXT', tokenCount: 100 }]);
    const image = { inlineData: { mimeType: 'image/png', data: pngBase64(halfAndHalf(64, 64)) } };
    const pro = await sdk.ai.models.generateContent({ model: 'gemini-3-pro-image', contents: [image, image, text] });
    expect(pro.usageMetadata?.promptTokenCount).toBe(100 + 2 * 560);
    const flash25 = await sdk.ai.models.generateContent({ model: 'gemini-2.5-flash-image', contents: [image, text] });
    expect(flash25.usageMetadata?.promptTokenCount).toBe(100 + 258);
    expect(pro.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
    expect(flash25.usageMetadata?.thoughtsTokenCount).toBeUndefined();
  });
});

describe('editing', () => {
  const input = halfAndHalf(600, 400);
  const edit = (data: string, mimeType = 'image/png') =>
    sdk.ai.models.generateContent({
      model: 'gemini-3.1-flash-image',
      contents: [{ inlineData: { mimeType, data } }, 'make it autumn'],
    });

  it('keeps the input ratio (snapped) and layout, visibly changed', async () => {
    const response = await edit(pngBase64(input));
    const output = decodedImage(finalImage(response));
    expect([output.width, output.height]).toEqual([1264, 848]); // 600×400 → 3:2 at 1K
    // The dark half stays dark and the light half light, away from the badge (top-left) and stripe (bottom).
    expect(meanBrightness(output, 0.05, 0.3, 0.45, 0.9)).toBeLessThan(100);
    expect(meanBrightness(output, 0.55, 0.3, 0.95, 0.9)).toBeGreaterThan(150);
    // The tint changes even the pure white and black.
    expect(meanBrightness(output, 0.55, 0.3, 0.95, 0.9)).toBeLessThan(250);
    expect(meanBrightness(output, 0.05, 0.3, 0.45, 0.9)).toBeGreaterThan(5);
    const textOnly = await sdk.ai.models.generateContent({
      model: 'gemini-3.1-flash-image',
      contents: 'make it autumn',
    });
    expect(finalImage(textOnly).equals(finalImage(response))).toBe(false);
    expect(partsOf(response)[0]?.text).toBe('Here is the edited image.');
  });

  it('is deterministic for the same input and prompt', async () => {
    const data = pngBase64(input);
    const [a, b] = await Promise.all([edit(data), edit(data)]);
    expect(finalImage(a).equals(finalImage(b))).toBe(true);
  });

  it('reads JPEG input and cover-fits it to the requested ratio', async () => {
    const data = Buffer.from(jpeg.encode(input, 90).data).toString('base64');
    const response = await sdk.ai.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: [{ inlineData: { mimeType: 'image/jpeg', data } }, 'square it'],
      config: { imageConfig: { aspectRatio: '1:1' } },
    });
    const output = decodedImage(finalImage(response));
    expect([output.width, output.height]).toEqual([1024, 1024]);
    // A centred crop of 400×400 from 600×400 keeps both halves, dark on the left.
    expect(meanBrightness(output, 0.05, 0.3, 0.4, 0.9)).toBeLessThan(meanBrightness(output, 0.6, 0.3, 0.95, 0.9));
  });

  it('takes the ratio from the last input image', async () => {
    const wide = { inlineData: { mimeType: 'image/png', data: pngBase64(halfAndHalf(320, 180)) } };
    const tall = { inlineData: { mimeType: 'image/png', data: pngBase64(halfAndHalf(100, 400)) } };
    const response = await sdk.ai.models.generateContent({
      model: 'gemini-3.1-flash-image',
      contents: [wide, tall, 'merge'],
    });
    expect(readImageHeader(finalImage(response))).toMatchObject({ width: 512, height: 2048 }); // 1:4 at 1K
  });
});

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

describe('Vertex paths', () => {
  it('serves express mode (API key, no project) on v1beta1', async () => {
    const vertex = new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: sdk.double.url } });
    const response = await vertex.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: 'a teapot',
      config: { imageConfig: { aspectRatio: '16:9', imageSize: '2K' } },
    });
    expect(readImageHeader(finalImage(response))).toMatchObject({ width: 2752, height: 1536 });
    expect(sdk.double.requests.at(-1)?.path).toBe(
      '/v1beta1/publishers/google/models/gemini-3-pro-image:generateContent',
    );
    expect(response.usageMetadata?.trafficType).toBe('ON_DEMAND');
  });

  it('serves project mode with a bearer token, and keeps finishMessage as Vertex does', async () => {
    const authClient = { getRequestHeaders: async () => new Headers({ Authorization: 'Bearer offline-token' }) };
    const vertex = new GoogleGenAI({
      vertexai: true,
      project: 'banana-test',
      location: 'global',
      googleAuthOptions: { authClient: authClient as never },
      httpOptions: { baseUrl: sdk.double.url },
    });
    const ok = await vertex.models.generateContent({ model: 'gemini-3.1-flash-image', contents: 'a teapot' });
    expect(readImageHeader(finalImage(ok))).toMatchObject({ width: 1024, height: 1024 });
    expect(sdk.double.requests.at(-1)?.path).toBe(
      '/v1beta1/projects/banana-test/locations/global/publishers/google/models/gemini-3.1-flash-image:generateContent',
    );
    const refused = await vertex.models.generateContent({
      model: 'gemini-3.1-flash-image',
      contents: 'x [double:image-safety]',
    });
    expect(refused.candidates?.[0]?.finishMessage).toContain('You will not be charged for blocked images.');
  });

  it('names the publisher model in a Vertex 404', async () => {
    const vertex = new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: sdk.double.url } });
    const error = apiErrorOf(await rejection(vertex.models.generateContent({ model: 'imagen-9', contents: 'x' })));
    expect(error.status).toBe(404);
    expect(error.body.error.message).toContain('Publisher Model `publishers/google/models/imagen-9` was not found');
  });

  it('answers a project call without a bearer token with 401', async () => {
    const response = await fetch(
      `${sdk.double.url}/v1beta1/projects/p/locations/global/publishers/google/models/gemini-3-pro-image:generateContent`,
      { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }) },
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
  });
});

describe('API key', () => {
  it('accepts only the configured key when one is set', async () => {
    const guarded = await startGeminiDouble({ apiKey: 'the-right-key' });
    try {
      const wrong = new GoogleGenAI({ apiKey: 'a-wrong-key', httpOptions: { baseUrl: guarded.url } });
      const error = apiErrorOf(
        await rejection(wrong.models.generateContent({ model: 'gemini-3-pro-image', contents: 'x' })),
      );
      expect(error.status).toBe(400);
      expect(error.body.error.message).toBe('API key not valid. Please pass a valid API key.');
      expect(error.body.error.details).toContainEqual(expect.objectContaining({ reason: 'API_KEY_INVALID' }));
      const right = new GoogleGenAI({ apiKey: 'the-right-key', httpOptions: { baseUrl: guarded.url } });
      const response = await right.models.generateContent({ model: 'gemini-3-pro-image', contents: 'x' });
      expect(finalImage(response).length).toBeGreaterThan(0);
      expect(guarded.requests.map((r) => r.headers['x-goog-api-key'])).toEqual(['a-wrong-key', 'the-right-key']);
    } finally {
      await guarded.close();
    }
  });

  it('logs one short line per request, without keys or prompts', async () => {
    const lines: string[] = [];
    const logged = await startGeminiDouble({ log: (line) => lines.push(line) });
    try {
      const client = new GoogleGenAI({ apiKey: 'sekrit-key-123', httpOptions: { baseUrl: logged.url } });
      await client.models.generateContent({ model: 'gemini-3-pro-image', contents: 'my private prompt' });
      await rejection(client.models.generateContent({ model: 'nope', contents: 'my private prompt' }));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^POST \/v1\/models\/gemini-3-pro-image:generateContent 200 \d+ms$/);
      expect(lines[1]).toMatch(/^POST \/v1\/models\/nope:generateContent 404 \d+ms$/);
      expect(lines.join('\n')).not.toMatch(/sekrit|private/);
    } finally {
      await logged.close();
    }
  });
});

describe('raw HTTP', () => {
  const post = (path: string, body: string) =>
    fetch(`${sdk.double.url}${path}`, { method: 'POST', headers: { 'x-goog-api-key': 'k' }, body });

  it('accepts snake_case fields and answers camelCase with a JSON content type', async () => {
    const data = pngBase64(halfAndHalf(400, 100));
    const response = await post(
      '/v1beta/models/gemini-3.1-flash-image:generateContent',
      JSON.stringify({
        contents: [{ role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data } }, { text: 'snake' }] }],
        generation_config: { response_modalities: ['IMAGE'], image_config: { aspect_ratio: '4:1', image_size: '512' } },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const body = (await response.json()) as GenerateContentResponse;
    expect(Object.keys(body)).toEqual(['candidates', 'usageMetadata', 'modelVersion', 'responseId']);
    const part = body.candidates?.[0]?.content?.parts?.[0];
    expect(Object.keys(part ?? {})).toEqual(['inlineData', 'thoughtSignature']);
    expect(readImageHeader(Buffer.from(part?.inlineData?.data ?? '', 'base64'))).toMatchObject({
      width: 1024,
      height: 256,
    });
  });

  it('answers malformed JSON with 400 INVALID_ARGUMENT', async () => {
    const response = await post('/v1/models/gemini-3-pro-image:generateContent', '{"contents": [');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
  });

  it('answers empty contents and bad roles with 400', async () => {
    const empty = await post('/v1/models/gemini-3-pro-image:generateContent', '{"contents": []}');
    expect(empty.status).toBe(400);
    const role = await post(
      '/v1/models/gemini-3-pro-image:generateContent',
      JSON.stringify({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }),
    );
    expect(((await role.json()) as { error: { message: string } }).error.message).toBe(
      'Please use a valid role: user, model.',
    );
  });

  it('answers unknown paths with a Google-shaped 404', async () => {
    const response = await post('/v1/files', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(((await response.json()) as { error: { code: number; status: string } }).error).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
    });
  });

  it('lists the registry models', async () => {
    const pager = await sdk.ai.models.list();
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? '');
    expect(names).toEqual([
      'models/gemini-nano-banana-2.1',
      'models/gemini-3-pro-image',
      'models/gemini-3.1-flash-image',
      'models/gemini-2.5-flash-image',
    ]);
  });
});
