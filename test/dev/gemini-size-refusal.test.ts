/**
 * The double refuses a size the model does not list, whatever the registry says: a registry entry shaped like
 * `gemini-nano-banana-2.1` (1K, 2K and 4K; the 14 ratios of 3.1 Flash), written here rather than read from
 * config/models.json, gets Google's 400 for 512 and answers 1K.
 */
import { ApiError, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelInfo, ModelRegistry } from '../../core/models.js';
import { loadDefaultRegistry, startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';

const MODEL = 'gemini-nano-banana-2.1';

/** 3.1 Flash's entry without 512, under the new id. */
function registryWith21(): ModelRegistry {
  const registry = loadDefaultRegistry();
  const flash = registry.models.find((m) => m.id === 'gemini-3.1-flash-image');
  if (!flash) throw new Error('config/models.json has no gemini-3.1-flash-image to shape 2.1 after');
  const { ['512']: _dimensions512, ...dimensions } = flash.dimensions;
  const { ['512']: _tokens512, ...outputTokensPerImage } = flash.pricing.outputTokensPerImage;
  const entry: ModelInfo = {
    ...flash,
    id: MODEL,
    label: 'Nano Banana 2.1',
    imageSizes: ['1K', '2K', '4K'],
    defaultImageSize: '1K',
    dimensions,
    pricing: { ...flash.pricing, outputTokensPerImage },
  };
  return { ...registry, models: [...registry.models.filter((m) => m.id !== MODEL), entry] };
}

let double: GeminiDouble;
let ai: GoogleGenAI;
beforeAll(async () => {
  double = await startGeminiDouble({ registry: registryWith21() });
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: double.url } });
});
afterAll(() => double?.close());

describe('a model without 512 (shaped like gemini-nano-banana-2.1)', () => {
  it('offers 14 ratios and 1K, 2K, 4K only', () => {
    const entry = registryWith21().models.find((m) => m.id === MODEL);
    expect(entry?.aspectRatios).toHaveLength(14);
    expect(entry?.imageSizes).toEqual(['1K', '2K', '4K']);
  });

  it("refuses imageSize 512 with Google's 400 INVALID_ARGUMENT", async () => {
    const error = await ai.models
      .generateContent({ model: MODEL, contents: 'a small kite', config: { imageConfig: { imageSize: '512' } } })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    const body = JSON.parse(apiError.message) as { error: { code: number; status: string; message: string } };
    expect(body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    expect(body.error.message).toBe(
      `Unsupported image size: 512. Supported values for models/${MODEL} are: 1K, 2K, 4K.`,
    );
    expect(double.requests.at(-1)?.status).toBe(400);
  });

  it('answers 1K at 1:8, a ratio only the 3.1 family has', async () => {
    const response = await ai.models.generateContent({
      model: MODEL,
      contents: 'a tall kite',
      config: { responseModalities: ['IMAGE'], imageConfig: { imageSize: '1K', aspectRatio: '1:8' } },
    });
    const part = response.candidates?.[0]?.content?.parts?.at(-1);
    expect(part?.inlineData?.mimeType).toBe('image/jpeg');
    expect(response.modelVersion).toBe(MODEL);
  });
});
