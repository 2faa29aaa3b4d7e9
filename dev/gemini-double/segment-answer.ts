/**
 * How the double answers a call to the registry's segmentation model (docs/gemini-double.md#erase-and-segmentation):
 * the JSON list Google's image-understanding guide describes (docs/gemini-platform.md#segmentation-masks), each entry
 * `{ box_2d: [y0, x0, y1, x1] (0–1000), mask: "data:image/png;base64,…" (a probability map of the box's size),
 * label }`, as the text of one part. The objects are the blobs that stand out from the backdrop
 * (dev/gemini-double/subject-blobs.ts); a named object gets the largest one, labelled with its name; the main subject
 * gets every blob. Masks are soft at the edge (a blur of the blob). The shape is sourced; which pixels are found is not.
 */
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { MAIN_SUBJECT } from '../../core/segmentation-prompt.js';
import type { RgbaImage } from '../../core/rgba-image.js';
import { encodePngNative } from './encode-png-native.js';
import { invalidArgument, type GoogleErrorBody } from './errors.js';
import { sendJson } from './http-io.js';
import { decodeInputImage } from './image.js';
import { subjectBlobs, type Blob } from './subject-blobs.js';
import { textTokens } from './usage.js';

/** Image tokens per input image on Gemini 2.5 (docs/gemini-platform.md#capabilities-per-model). */
const IMAGE_TOKENS = 258;

/** Answers the segmentation call in `body`, or fails it with Google's INVALID_ARGUMENT. */
export function answerSegmentation(
  body: unknown,
  modelId: string,
  response: ServerResponse,
  fail: (error: GoogleErrorBody) => void,
): void {
  const call = readCall(body);
  if ('error' in call) return fail(call);
  const target = /^Give the segmentation masks for (.*?)\. Output a JSON list/.exec(call.prompt)?.[1] ?? MAIN_SUBJECT;
  const named = target !== MAIN_SUBJECT;
  const blobs = subjectBlobs(call.image).slice(0, named ? 1 : 3);
  const entries = blobs.map((blob) => entryOf(call.image, blob, named ? target : 'subject'));
  const text = JSON.stringify(entries);
  const promptTokens = textTokens(call.prompt) + IMAGE_TOKENS;
  const outputTokens = textTokens(text);
  sendJson(response, 200, {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: outputTokens,
      totalTokenCount: promptTokens + outputTokens,
      promptTokensDetails: [
        { modality: 'TEXT', tokenCount: promptTokens - IMAGE_TOKENS },
        { modality: 'IMAGE', tokenCount: IMAGE_TOKENS },
      ],
    },
    modelVersion: modelId,
    responseId: randomBytes(17).toString('base64url'),
  });
}

function readCall(body: unknown): { image: RgbaImage; prompt: string } | GoogleErrorBody {
  const request = body as {
    contents?: { parts?: { text?: string; inlineData?: { data?: string } }[] }[];
    generationConfig?: { responseMimeType?: string };
  } | null;
  const parts = request?.contents?.at(-1)?.parts ?? [];
  const data = parts.find((part) => part.inlineData?.data)?.inlineData?.data;
  const prompt = parts.map((part) => part.text ?? '').join('');
  if (request?.generationConfig?.responseMimeType !== 'application/json') {
    return invalidArgument('The Gemini double answers segmentation calls only with responseMimeType application/json.');
  }
  const image = data ? decodeInputImage(Buffer.from(data, 'base64')) : null;
  if (!image) return invalidArgument('Provided image is not valid.');
  return { image, prompt };
}

function entryOf(image: RgbaImage, blob: Blob, label: string) {
  const { width, height } = image;
  const w = blob.x1 - blob.x0 + 1;
  const h = blob.y1 - blob.y0 + 1;
  const mask = softMask(blob, width, w, h);
  const permille = (v: number, of: number) => Math.round((v / of) * 1000);
  return {
    box_2d: [
      permille(blob.y0, height),
      permille(blob.x0, width),
      permille(blob.y1 + 1, height),
      permille(blob.x1 + 1, width),
    ],
    mask: `data:image/png;base64,${Buffer.from(encodePngNative(mask)).toString('base64')}`,
    label,
  };
}

/** The blob over its box as a grey probability map, blurred (3 × 3, twice) so its edge is soft. */
function softMask(blob: Blob, stride: number, w: number, h: number): RgbaImage {
  let values: Float32Array = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) values[y * w + x] = blob.member[(blob.y0 + y) * stride + blob.x0 + x]! * 255;
  }
  for (let pass = 0; pass < 2; pass++) values = blur(values, w, h);
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const v = Math.round(values[i]!);
    data.set([v, v, v, 255], i * 4);
  }
  return { width: w, height: h, data };
}

function blur(values: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const px = Math.min(w - 1, Math.max(0, x + dx));
          const py = Math.min(h - 1, Math.max(0, y + dy));
          sum += values[py * w + px]!;
        }
      }
      out[y * w + x] = sum / 9;
    }
  }
  return out;
}
