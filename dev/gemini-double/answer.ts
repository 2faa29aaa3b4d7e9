/**
 * What the double answers to a valid request: a blocked prompt, a refusal (a finish reason without content), or
 * content parts with their token costs. Pixels come from image.ts; the same request always gives the same parts.
 */
import { nearestAspectRatio } from '../../core/aspect.js';
import { tabledPixels, type ImageSize, type ModelInfo } from '../../core/models.js';
import type { RgbaImage } from '../../core/png.js';
import { renderBackdropAnswer } from './backdrop-answer.js';
import { isErasePrompt, renderErase } from './erase-fill.js';
import { renderDraft } from './draft-image.js';
import { encodeAnswerImage, renderEdit, renderPicture } from './image.js';
import type { GenerateRequest } from './request.js';
import { hashText, seededSignature } from './seed.js';
import { renderToolAnswer } from './tool-answer.js';
import type { Triggers } from './triggers.js';
import { textTokens, type PromptTokens } from './usage.js';

/** One part of the answer, already in wire shape, with what it costs. */
export interface AnswerPart {
  wire: {
    text?: string;
    inlineData?: { mimeType: string; data: string };
    thought?: true;
    thoughtSignature?: string;
  };
  textTokens: number;
  imageTokens: number;
}

/** The answer, before it is written as one JSON body or as SSE events. */
export type Answer = { prompt: PromptTokens; thoughtsTokens: number } & (
  | { kind: 'blocked'; blockReason: string }
  | { kind: 'refused'; finishReason: string; finishMessage: string | null }
  | { kind: 'content'; parts: AnswerPart[] }
);

/** Everything {@link buildAnswer} needs. */
export interface AnswerInput {
  model: ModelInfo;
  request: GenerateRequest;
  triggers: Triggers;
  seedText: string;
  /** Pixels of the image the edit starts from, or null for text-to-image. */
  source: RgbaImage | null;
  prompt: PromptTokens;
}

const IMAGE_SAFETY_MESSAGE =
  "Unable to show the generated image. The generated image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt.";

/**
 * Length of the signature on a signed image part, in base64 characters: the final image part of a recorded
 * gemini-3.1-flash-image answer at 1K 1:1 carried 597,616 (vercel/ai, docs/gemini-double.md). Every size uses it.
 */
export const IMAGE_SIGNATURE_CHARS = 597_616;

/** Length of the signature on a signed text part: no recording shows one, so this is assumed (96 bytes). */
export const TEXT_SIGNATURE_CHARS = 128;

/**
 * The format a model answers in: JPEG on Gemini 3 (`thoughtSignatures`), as recorded answers are; PNG on 2.5, as
 * Google's guide saves it (assumed: docs/gemini-double.md "What is sourced and what is assumed").
 */
export function answerFormat(model: ModelInfo): 'image/png' | 'image/jpeg' {
  return model.thoughtSignatures ? 'image/jpeg' : 'image/png';
}

/**
 * The ratio, size and pixels of the answer (docs/gemini-platform.md#output-pixel-sizes,
 * docs/gemini-platform.md#request-knobs).
 */
export function outputShape(
  model: ModelInfo,
  request: GenerateRequest,
  source: { width: number; height: number } | null,
): { aspectRatio: string; imageSize: ImageSize; width: number; height: number } {
  // "The model defaults to matching the output image size to that of your input image, or otherwise generates
  // 1:1 squares" [IMG-DOC].
  const fallback = model.aspectRatios.includes('1:1') ? '1:1' : model.aspectRatios[0]!;
  const aspectRatio =
    request.aspectRatio ?? (source ? nearestAspectRatio(source.width, source.height, model.aspectRatios) : fallback);
  const imageSize = (request.imageSize as ImageSize | null) ?? model.defaultImageSize;
  const [width, height] = tabledPixels(model, imageSize, aspectRatio) ?? [1024, 1024];
  return { aspectRatio, imageSize, width, height };
}

/** Builds the answer. Pictures are rendered here, so this is the slow part (about a second at 4K). */
export function buildAnswer(input: AnswerInput): Answer {
  const { model, request, triggers, seedText, source, prompt } = input;
  const seed = hashText(seedText);
  // Gemini 3 always thinks; the amount is arbitrary but stable.
  const thoughtsTokens = model.thoughtSignatures ? (64 + (seed % 192)) * (triggers.thoughts ? 3 : 1) : 0;
  const base = { prompt, thoughtsTokens };
  if (triggers.blockReason) return { ...base, thoughtsTokens: 0, kind: 'blocked', blockReason: triggers.blockReason };
  if (triggers.finishReason) {
    const finishMessage = triggers.finishReason === 'IMAGE_SAFETY' ? IMAGE_SAFETY_MESSAGE : null;
    return { ...base, kind: 'refused', finishReason: triggers.finishReason, finishMessage };
  }
  const signed = <T extends AnswerPart['wire']>(wire: T, index: number): T => {
    if (!model.thoughtSignatures) return wire;
    const chars = wire.inlineData ? IMAGE_SIGNATURE_CHARS : TEXT_SIGNATURE_CHARS;
    return {
      ...wire,
      thoughtSignature: seededSignature(hashText(`${model.id}\u0000${seedText}\u0000${index}`), chars),
    };
  };
  const textPart = (text: string): AnswerPart => ({
    wire: signed({ text }, 0),
    textTokens: textTokens(text),
    imageTokens: 0,
  });
  if (triggers.textOnly) {
    const text = `I can't create an image for this right now. Here is a description instead: ${seedText.slice(0, 200)}`;
    return { ...base, kind: 'content', parts: [textPart(text)] };
  }
  const shape = outputShape(model, request, source);
  const [width, height] = triggers.size ?? [shape.width, shape.height];
  const mimeType = triggers.format ?? answerFormat(model);
  const picture = (variant: string): RgbaImage => {
    const variantSeed = variant === '' ? seed : hashText(`${seedText}\u0000${variant}`);
    return !source
      ? renderPicture(width, height, variantSeed)
      : isErasePrompt(seedText)
        ? renderErase(source, width, height)
        : (renderBackdropAnswer(request.prompt, source, width, height) ??
          renderToolAnswer(request.prompt, source, width, height) ??
          renderEdit(source, width, height, variantSeed));
  };
  const encode = (pixels: RgbaImage): string => Buffer.from(encodeAnswerImage(pixels, mimeType)).toString('base64');
  const render = (variant: string): string => encode(picture(variant));
  const tokensPerImage = model.pricing.outputTokensPerImage[shape.imageSize] ?? 0;
  const imagePart = (data: string, index: number): AnswerPart => ({
    wire: signed({ inlineData: { mimeType, data } }, index),
    textTokens: 0,
    imageTokens: tokensPerImage,
  });
  const parts: AnswerPart[] = [];
  // Gemini 3 thinks always; its thoughts are sent when asked for (`includeThoughts`), or with the trigger.
  const asked = request.includeThoughts && model.thoughtSignatures;
  if (asked) parts.push(thoughtSummary(seedText));
  if (triggers.thoughts || asked) {
    // Interim "thought images" carry no signature and are not charged [IMG-DOC]; drafts of the final picture.
    const final = picture('');
    for (const step of [1, 2] as const) {
      parts.push({
        wire: { inlineData: { mimeType, data: encode(renderDraft(final, step)) }, thought: true },
        textTokens: 0,
        imageTokens: 0,
      });
    }
  }
  const modalities = request.responseModalities;
  if (modalities === null || modalities.includes('TEXT') || triggers.streamError) {
    parts.push(textPart(source ? 'Here is the edited image.' : 'Here is your image.'));
  }
  if (triggers.multiImage) parts.push(imagePart(render('draft'), 1));
  const finalData = triggers.corruptImage
    ? Buffer.from('This is not an image: the Gemini double sent corrupt bytes on purpose.').toString('base64')
    : render('');
  parts.push(imagePart(finalData, 2));
  return { ...base, kind: 'content', parts };
}

/**
 * The thought summary sent before the drafts when thoughts are asked for. Its wording is assumed (Google's are
 * model-written, a bold heading then a sentence); it is a `thought: true` text part, unsigned, not charged as text.
 */
function thoughtSummary(seedText: string): AnswerPart {
  const subject = seedText.trim().slice(0, 80) || 'the image';
  return {
    wire: { text: `**Composing the picture**\n\nI am laying out ${subject} before rendering it.`, thought: true },
    textTokens: 0,
    imageTokens: 0,
  };
}
