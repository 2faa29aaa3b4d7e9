/**
 * `usageMetadata` from the token table (docs/gemini-platform.md#capabilities-per-model,
 * docs/gemini-platform.md#usage-by-modality): text at about four characters a token, 560 tokens per input image on
 * Gemini 3 (the 3 Pro figure; 258 on 2.5), the registry's tokens per output image, and thinking tokens on Gemini 3,
 * which are billed whether or not thoughts are shown.
 */
import type { ModelInfo } from '../../core/models.js';

/** Tokens per modality, as in `promptTokensDetails` / `candidatesTokensDetails`. */
export interface ModalityTokenCount {
  modality: 'TEXT' | 'IMAGE';
  tokenCount: number;
}

/** The `usageMetadata` object, camelCase as the SDK reads it. */
export interface UsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
  promptTokensDetails: ModalityTokenCount[];
  candidatesTokensDetails?: ModalityTokenCount[];
  trafficType?: string;
}

/** What the prompt costs, by modality. */
export interface PromptTokens {
  text: number;
  image: number;
}

/** What the answer so far costs. */
export interface OutputTokens {
  text: number;
  image: number;
  thoughts: number;
}

/** About four characters per token, as Google's own rule of thumb. */
export function textTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Prompt tokens for the request's text and its input images. */
export function promptTokens(model: ModelInfo, text: string, imageCount: number): PromptTokens {
  return { text: textTokens(text), image: imageCount * (model.thoughtSignatures ? 560 : 258) };
}

/** The metadata for a prompt and the output so far; `output` null for a blocked prompt. */
export function usageMetadata(prompt: PromptTokens, output: OutputTokens | null): UsageMetadata {
  const promptCount = prompt.text + prompt.image;
  const promptTokensDetails = details(prompt.text, prompt.image);
  if (!output) return { promptTokenCount: promptCount, totalTokenCount: promptCount, promptTokensDetails };
  const candidates = output.text + output.image;
  // Google's own key order: counts first, then the per-modality details, then thinking.
  return {
    promptTokenCount: promptCount,
    ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: promptCount + candidates + output.thoughts,
    promptTokensDetails,
    ...(candidates > 0 ? { candidatesTokensDetails: details(output.text, output.image) } : {}),
    ...(output.thoughts > 0 ? { thoughtsTokenCount: output.thoughts } : {}),
  };
}

function details(text: number, image: number): ModalityTokenCount[] {
  const out: ModalityTokenCount[] = [];
  if (text > 0) out.push({ modality: 'TEXT', tokenCount: text });
  if (image > 0) out.push({ modality: 'IMAGE', tokenCount: image });
  return out;
}
