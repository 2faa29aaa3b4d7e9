/** Inputs for the Gemini double and readers of its answers, for the tests that call it through `@google/genai`. */
import { ApiError, type GenerateContentResponse, type Part } from '@google/genai';
import { createImage, encodePng, type RgbaImage } from '../../core/png.js';

/** The parts of the first candidate's content, or none. */
export function partsOf(response: GenerateContentResponse): Part[] {
  return response.candidates?.[0]?.content?.parts ?? [];
}

/** The image to take: the last inline part that is not a thought (docs/gemini-platform.md#the-answers-image). */
export function finalImage(response: GenerateContentResponse): Buffer {
  const part = partsOf(response)
    .filter((p) => p.inlineData && !p.thought)
    .at(-1);
  if (!part?.inlineData?.data) throw new Error('no image in the answer');
  return Buffer.from(part.inlineData.data, 'base64');
}

/** `image` as a PNG in base64, as an inline part carries it. */
export function pngBase64(image: RgbaImage): string {
  return Buffer.from(encodePng(image, 1)).toString('base64');
}

/** Left half black, right half white: an input whose layout an edit must keep. */
export function halfAndHalf(width: number, height: number): RgbaImage {
  const image = createImage(width, height, [255, 255, 255, 255]);
  for (let y = 0; y < height; y++) image.data.fill(0, y * width * 4, y * width * 4 + (width / 2) * 4);
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
}

/** The HTTP status and Google's JSON error body of an `ApiError`; anything else is thrown again. */
export function apiErrorOf(error: unknown): {
  status: number;
  body: { error: { code: number; message: string; status: string; details?: unknown[] } };
} {
  if (!(error instanceof ApiError)) throw error;
  return { status: error.status, body: JSON.parse(error.message) };
}

/** What `promise` rejects with; a promise that resolves fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}
