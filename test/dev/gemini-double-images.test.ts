/**
 * The Gemini double against the real `@google/genai` client: the images it answers, their sizes and usage, and edits
 * that keep the input's layout. Validation is in gemini-double-validation.test.ts, HTTP in gemini-double-http.test.ts.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { finalImage, halfAndHalf, partsOf, pngBase64 } from '../support/gemini-answers.js';
import { useGeminiDoubleWithSdk } from '../support/gemini-sdk.js';
import { readImageHeader } from '../../core/image-header.js';
import type { RgbaImage } from '../../core/png.js';
import { decodeInputImage } from '../../dev/gemini-double/image.js';

const sdk = useGeminiDoubleWithSdk();

/** The pixels of an answer, PNG or JPEG. */
function decodedImage(bytes: Uint8Array): RgbaImage {
  const image = decodeInputImage(bytes);
  if (!image) throw new Error('the answer is no image the double can decode');
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
