/**
 * Reads Gemini's answer to an image request: the image to return, or the specific reason there is none.
 * Blocked and failed outputs arrive as HTTP 200 (docs/gemini-platform.md#blocked-and-failed-answers), so this is where they become errors.
 */
import { readImageHeader } from '../core/image-header.js';
import { modelTurnSchema, type GeneratedImage, type ModelTurn } from '../core/proxy-schema.js';
import type { GeminiResponse } from './gemini-port.js';
import { ProxyError } from './proxy-error.js';

/** Finish reasons that mean a safety or policy filter stopped the output. */
const SAFETY_REASONS = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

/** Finish reasons for which Google says blocked images are not billed (docs/gemini-platform.md#blocked-and-failed-answers). */
const NOT_CHARGED_REASONS = new Set(['IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT']);

export interface ImageAnswer {
  image: GeneratedImage;
  text?: string;
}

/**
 * The last image part that is not a thought (Gemini 3 sends interim "thought" images first; the last one is the
 * final render), with its real size read from the image header, never from a table.
 */
export function readImageAnswer(response: GeminiResponse): ImageAnswer {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    throw new ProxyError(
      'safety_blocked',
      `Gemini's safety filters blocked the prompt (${reasonWords(blockReason)}). Rephrase the prompt and try again.`,
    );
  }
  const candidate = response.candidates?.[0];
  if (!candidate) {
    throw new ProxyError('no_image_returned', 'Gemini sent an empty answer. Try again in a moment.');
  }
  const finishReason = candidate.finishReason ?? 'STOP';
  if (SAFETY_REASONS.has(finishReason)) {
    const charged = NOT_CHARGED_REASONS.has(finishReason) ? ' You were not charged for the blocked image.' : '';
    throw new ProxyError(
      'safety_blocked',
      `Gemini's safety filters blocked the generated image (${reasonWords(finishReason)}).${charged} Rephrase the prompt or change the input image, then try again.`,
    );
  }
  const parts = candidate.content?.parts ?? [];
  const images = parts.filter((p) => p.inlineData?.data && !p.thought);
  const text = parts
    .filter((p) => typeof p.text === 'string' && p.text.trim() !== '' && !p.thought)
    .map((p) => p.text!.trim())
    .join('\n');
  const last = images.at(-1)?.inlineData;
  if (!last?.data) {
    if (finishReason === 'NO_IMAGE' || finishReason === 'IMAGE_OTHER') {
      throw new ProxyError(
        'no_image_returned',
        'Gemini could not make an image for this request. Try again, or describe the image you want more concretely.',
      );
    }
    const said = text ? ` It said: "${text.slice(0, 200)}${text.length > 200 ? '…' : ''}"` : '';
    throw new ProxyError(
      'no_image_returned',
      `Gemini answered without an image.${said} Try again, and ask explicitly for an image.`,
    );
  }
  const header = readImageHeader(headerBytes(last.data));
  if (!header) {
    throw new ProxyError('upstream_error', 'Gemini sent an image that could not be read. Try again.');
  }
  return {
    image: { data: last.data, mimeType: header.mimeType, width: header.width, height: header.height },
    ...(text ? { text } : {}),
  };
}

/**
 * The model's content for `modelTurn` (live replay, docs/live-replay.md): the first candidate's parts exactly as
 * Gemini sent them (the very same objects: thought images kept, signatures byte for byte), or null when they could
 * not be replayed as they came: no parts, or a part with anything but text, an inline image, `thought` and
 * `thoughtSignature` (the history schema would refuse it, so the panel will send that turn stateless instead).
 */
export function modelTurnOf(response: GeminiResponse): ModelTurn | null {
  const parts = response.candidates?.[0]?.content?.parts;
  if (!parts || parts.length === 0) return null;
  const content = { role: 'model' as const, parts };
  return modelTurnSchema.safeParse(content).success ? (content as ModelTurn) : null;
}

/**
 * Decodes only the start of a base64 image: enough for any PNG header and almost any JPEG one. A JPEG whose
 * frame header sits later (large EXIF blocks) is decoded whole.
 */
function headerBytes(base64: string): Uint8Array {
  const head = Buffer.from(base64.slice(0, 65_536), 'base64');
  if (readImageHeader(head)) return head;
  return Buffer.from(base64, 'base64');
}

function reasonWords(reason: string): string {
  return reason.toLowerCase().replaceAll('_', ' ');
}
