/**
 * What a request will cost before it is sent: the panel shows it next to the Send button, and the proxy reserves
 * it against a designer's monthly budget while the request is in flight. The actual cost comes afterwards from
 * Gemini's `usageMetadata` (`costUsd` in models.ts); thinking tokens, which Gemini 3 bills but which cannot be
 * known in advance, are the usual difference.
 */
import { pricePerImageUsd, roundUsd, sizesOf, type ImageSize, type ModelInfo } from './models.js';

/**
 * The prices an estimate needs. `PublicModel` from `GET /v1/models` has this shape, so the panel passes the
 * model it got from the proxy; the proxy passes {@link costModelOf} of its registry entry.
 */
export interface CostModel {
  /** US dollars for the output image alone, per size. */
  pricePerImageUsd: Partial<Record<ImageSize, number>>;
  inputUsdPerMillionTokens: number;
  /** Input tokens one input image costs; {@link DEFAULT_INPUT_TOKENS_PER_IMAGE} when not given. */
  inputTokensPerImage?: number | undefined;
}

/** Vertex documents 560 tokens per input image for 3 Pro Image (gemini-api.md §1.2); the 3.x figure we assume. */
export const DEFAULT_INPUT_TOKENS_PER_IMAGE = 560;

/** Gemini 2.x counts a small image as 258 tokens (the Gemini double uses the same figures). */
export const GEMINI_2_INPUT_TOKENS_PER_IMAGE = 258;

/** About four characters per token: Google's own rule of thumb for text. */
export const CHARS_PER_TOKEN = 4;

/** Input tokens per input image for a registry model: Gemini 3 models (signed thoughts) 560, older ones 258. */
export function inputTokensPerImage(model: ModelInfo): number {
  return model.thoughtSignatures ? DEFAULT_INPUT_TOKENS_PER_IMAGE : GEMINI_2_INPUT_TOKENS_PER_IMAGE;
}

/** The prices of a registry model in the shape {@link estimateCostUsd} takes (the same as `/v1/models` lists). */
export function costModelOf(model: ModelInfo): CostModel {
  return {
    pricePerImageUsd: Object.fromEntries(sizesOf(model).map((s) => [s, pricePerImageUsd(model, s)])),
    inputUsdPerMillionTokens: model.pricing.inputUsdPerMillionTokens,
    inputTokensPerImage: inputTokensPerImage(model),
  };
}

/**
 * Estimated US dollars for one image at `imageSize` from a prompt of `promptChars` characters and
 * `inputImageCount` input images (base and references). Null when the model has no price for that size.
 */
export function estimateCostUsd(
  model: CostModel,
  imageSize: ImageSize,
  inputImageCount: number,
  promptChars: number,
): number | null {
  const output = model.pricePerImageUsd[imageSize];
  if (output === undefined) return null;
  const perImage = model.inputTokensPerImage ?? DEFAULT_INPUT_TOKENS_PER_IMAGE;
  const inputTokens =
    Math.ceil(Math.max(0, promptChars) / CHARS_PER_TOKEN) + Math.max(0, Math.floor(inputImageCount)) * perImage;
  return roundUsd((inputTokens * model.inputUsdPerMillionTokens) / 1_000_000 + output);
}

/** Dollars as a person reads them: `$0.13`, `$20.00`; amounts under a cent keep their first digits (`$0.0042`). */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${Number(usd.toPrecision(2))}`;
  return `$${usd.toFixed(2)}`;
}
