/**
 * What a request will cost before it is sent: the panel shows it next to the Send button, and the proxy reserves
 * it against a designer's monthly budget while the request is in flight. The actual cost comes afterwards from
 * Gemini's `usageMetadata` (`costUsd` in models.ts). Both use one cost model: input at the input rate, the image at
 * the image rate, and the answer's text and thinking at the text rate. Text and thinking cannot be known in advance,
 * so the estimate counts the typical figures the registry lists per model (config/models.md says where they come
 * from).
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
  /** Input image tokens' rate where it differs from text; the text rate when not given. */
  inputImageUsdPerMillionTokens?: number | undefined;
  /** Text and thinking output; absent from older proxies (the estimate then leaves them out). */
  outputTextUsdPerMillionTokens?: number | undefined;
  /** Text output tokens a typical answer carries besides its image. */
  typicalTextTokens?: number | undefined;
  /** Thinking tokens a typical answer costs. */
  typicalThoughtsTokens?: number | undefined;
}

/**
 * Vertex documents 560 tokens per input image for 3 Pro Image (docs/gemini-platform.md#capabilities-per-model); the 3.x
 * figure we assume.
 */
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
    ...(model.pricing.inputImageUsdPerMillionTokens !== undefined
      ? { inputImageUsdPerMillionTokens: model.pricing.inputImageUsdPerMillionTokens }
      : {}),
    outputTextUsdPerMillionTokens: model.pricing.outputTextUsdPerMillionTokens,
    typicalTextTokens: model.pricing.typicalTextTokens,
    typicalThoughtsTokens: model.pricing.typicalThoughtsTokens,
  };
}

/**
 * Estimated US dollars for one image at `imageSize` from a prompt of `promptChars` characters and
 * `inputImageCount` input images (base and references), with the model's typical text and thinking output. Null
 * when the model has no price for that size.
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
  const textTokens = Math.ceil(Math.max(0, promptChars) / CHARS_PER_TOKEN);
  const imageTokens = Math.max(0, Math.floor(inputImageCount)) * perImage;
  const imageRate = model.inputImageUsdPerMillionTokens ?? model.inputUsdPerMillionTokens;
  const typicalOutputText = (model.typicalTextTokens ?? 0) + (model.typicalThoughtsTokens ?? 0);
  const dollarsPerMillion =
    textTokens * model.inputUsdPerMillionTokens +
    imageTokens * imageRate +
    typicalOutputText * (model.outputTextUsdPerMillionTokens ?? 0);
  return roundUsd(dollarsPerMillion / 1_000_000 + output);
}

/** The least and the most an estimate expects a call to cost, in US dollars. */
export interface UsdRange {
  low: number;
  high: number;
}

/**
 * How far the answer's text and thinking may go from the typical figures: the range runs from none at all to this
 * many times the typical (our assumption; Gemini documents no ceiling for them).
 */
export const MOST_TYPICAL_OUTPUT_TIMES = 2;

/**
 * The range one call may cost, since its text and thinking cannot be known in advance: from no text and no thinking
 * to {@link MOST_TYPICAL_OUTPUT_TIMES} times the typical. Null when the model has no price for that size.
 */
export function estimateCostRangeUsd(
  model: CostModel,
  imageSize: ImageSize,
  inputImageCount: number,
  promptChars: number,
): UsdRange | null {
  const times = (k: number): CostModel => ({
    ...model,
    typicalTextTokens: k * (model.typicalTextTokens ?? 0),
    typicalThoughtsTokens: k * (model.typicalThoughtsTokens ?? 0),
  });
  const low = estimateCostUsd(times(0), imageSize, inputImageCount, promptChars);
  const high = estimateCostUsd(times(MOST_TYPICAL_OUTPUT_TIMES), imageSize, inputImageCount, promptChars);
  return low === null || high === null ? null : { low, high };
}

/** "≈ $0.04–0.07", or "≈ $0.04" when both ends read the same. */
export function formatUsdRange(range: UsdRange): string {
  const [low, high] = [formatUsd(range.low), formatUsd(range.high)];
  return low === high ? `≈ ${low}` : `≈ ${low}–${high.slice(1)}`;
}

/** Dollars as a person reads them: `$0.13`, `$20.00`; amounts under a cent keep their first digits (`$0.0042`). */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${Number(usd.toPrecision(2))}`;
  return `$${usd.toFixed(2)}`;
}
