/**
 * The model registry: which Nano Banana models the proxy offers, with their aspect ratios, sizes, input limits and
 * prices. It is read from `config/models.json` (ids move every few months, so they live in configuration, not code:
 * docs/gemini-platform.md#ids-and-lifecycle), validated by {@link modelRegistrySchema}, and served by `GET /v1/models`.
 * Every figure in it, and where it comes from, is in `config/models.md`.
 */
// The namespace import lets bundlers drop zod's locales, which the panel never uses.
import * as z from 'zod';

import { IMAGE_SIZES, type ImageSize } from './image-sizes.js';
import { segmentationModelSchema } from './segmentation-model.js';

export { IMAGE_SIZES, type ImageSize } from './image-sizes.js';

/** Lifecycle states a configured model can be in (config/models.md). */
export const MODEL_STATUSES = ['current', 'deprecated', 'legacy'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

const ratioPattern = /^[1-9][0-9]*:[1-9][0-9]*$/;
const pixelsSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/**
 * One model as configured. Sizes map to `{ ratio: [width, height] }` from docs/gemini-platform.md#output-pixel-sizes.
 */
export const modelInfoSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'a model id is lowercase letters, digits, dots and dashes'),
    label: z.string().min(1),
    description: z.string().default(''),
    aspectRatios: z.array(z.string().regex(ratioPattern)).min(1),
    /** Sizes the model accepts as `imageSize`; empty when the model has no size knob (it always answers ~1K). */
    imageSizes: z.array(z.enum(IMAGE_SIZES)),
    /** The size used when none is sent: `1K` for models without a size knob. */
    defaultImageSize: z.enum(IMAGE_SIZES),
    /** Output pixel size per size and ratio, as tabled by Google. Real answers are measured from the image header. */
    dimensions: z.partialRecord(z.enum(IMAGE_SIZES), z.record(z.string(), pixelsSchema)),
    maxInputImages: z.number().int().min(0).max(14),
    /** Gemini 3 models sign their image parts and reject a replayed model turn without the signatures. */
    thoughtSignatures: z.boolean(),
    /**
     * Google prices input, image output and text/thinking output at different rates (config/models.md lists each
     * rate with its source). Dollars per million tokens.
     */
    pricing: z.object({
      /** Input text tokens, and input image tokens too unless {@link inputImageUsdPerMillionTokens} says otherwise. */
      inputUsdPerMillionTokens: z.number().nonnegative(),
      /** Input image tokens, where Google prices them apart from text. */
      inputImageUsdPerMillionTokens: z.number().nonnegative().optional(),
      /** Output image tokens (`candidatesTokensDetails` IMAGE). */
      outputImageUsdPerMillionTokens: z.number().nonnegative(),
      /** Every other output token: the answer's text and the model's thinking (`thoughtsTokenCount`). */
      outputTextUsdPerMillionTokens: z.number().nonnegative(),
      /** Output tokens one image costs, per size. */
      outputTokensPerImage: z.partialRecord(z.enum(IMAGE_SIZES), z.number().int().positive()),
      /** Text output tokens a typical answer carries besides its image, for estimates (config/models.md). */
      typicalTextTokens: z.number().int().nonnegative().default(0),
      /** Thinking tokens a typical answer costs, for estimates (config/models.md). */
      typicalThoughtsTokens: z.number().int().nonnegative().default(0),
      /**
       * The Batch API's price as a share of the standard rate, every modality alike: 0.5, "50% less than the
       * standard rate" (docs/gemini-platform.md#batch-api). 1 when absent.
       */
      batchRate: z.number().positive().max(1).default(1),
    }),
    /**
     * Where the model is in Google's lifecycle: `current`; `deprecated` (announced to go, still answers); `legacy`
     * (answers only keys that used it before). A `replacement` is where a designer is moved when it is gone.
     */
    status: z.enum(MODEL_STATUSES).default('current'),
    replacement: z.string().optional(),
    /** Upstream timeout per size in seconds; 4K can take minutes. */
    timeoutSeconds: z.partialRecord(z.enum(IMAGE_SIZES), z.number().positive()).default({}),
  })
  .superRefine((model, ctx) => {
    const sizes: readonly ImageSize[] = model.imageSizes.length > 0 ? model.imageSizes : [model.defaultImageSize];
    for (const size of sizes) {
      const table = model.dimensions[size];
      for (const ratio of model.aspectRatios) {
        if (!table?.[ratio]) {
          ctx.addIssue({ code: 'custom', message: `${model.id}: no dimensions for ${size} at ${ratio}` });
        }
      }
    }
    if (model.imageSizes.length > 0 && !model.imageSizes.includes(model.defaultImageSize)) {
      ctx.addIssue({ code: 'custom', message: `${model.id}: default size ${model.defaultImageSize} not offered` });
    }
  });

export const modelRegistrySchema = z.object({
  defaultModel: z.string(),
  models: z.array(modelInfoSchema).min(1),
  /** The text model Remove background and Isolate object ask for masks (core/segmentation-model.ts); not listed. */
  segmentation: segmentationModelSchema.optional(),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type ModelRegistry = z.infer<typeof modelRegistrySchema>;

/** Validates a registry read from configuration; throws with every problem listed. */
export function parseModelRegistry(raw: unknown): ModelRegistry {
  const result = modelRegistrySchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid model registry: ${z.prettifyError(result.error)}`);
  }
  const registry = result.data;
  const problems = lifecycleProblems(registry);
  if (problems.length > 0) throw new Error(`Invalid model registry: ${problems.join('; ')}`);
  return registry;
}

/**
 * What is wrong with the registry as a whole: the default must be listed and current; a replacement must be
 * another listed id, and following replacements must never come back to where it started.
 */
export function lifecycleProblems(registry: ModelRegistry): string[] {
  const problems: string[] = [];
  const byId = new Map(registry.models.map((m) => [m.id, m]));
  const fallback = byId.get(registry.defaultModel);
  if (!fallback) problems.push(`default model ${registry.defaultModel} is not in the list`);
  else if (fallback.status !== 'current') {
    problems.push(`default model ${registry.defaultModel} is ${fallback.status}; the default must be current`);
  }
  for (const model of registry.models) {
    if (model.replacement === undefined) continue;
    if (model.replacement === model.id) problems.push(`${model.id} names itself as its replacement`);
    else if (!byId.has(model.replacement)) {
      problems.push(`${model.id}: replacement ${model.replacement} is not in the list`);
    }
  }
  for (const model of registry.models) {
    const seen = new Set([model.id]);
    let next = model.replacement === model.id ? undefined : model.replacement;
    while (next !== undefined && byId.has(next)) {
      if (seen.has(next)) {
        problems.push(`replacements go round in a cycle: ${[...seen, next].join(' → ')}`);
        break;
      }
      seen.add(next);
      next = byId.get(next)?.replacement;
    }
  }
  return [...new Set(problems)];
}

/**
 * Where a request for `id` goes when `id` cannot be used: its replacement, followed until one is usable (listed and
 * not in `unusable`). Null when there is none. The registry has no cycles ({@link lifecycleProblems}).
 */
export function usableReplacement(
  registry: ModelRegistry,
  id: string,
  unusable: ReadonlySet<string>,
): ModelInfo | null {
  let next = findModel(registry, id)?.replacement;
  const seen = new Set([id]);
  while (next !== undefined && !seen.has(next)) {
    const model = findModel(registry, next);
    if (!model) return null;
    if (!unusable.has(model.id)) return model;
    seen.add(next);
    next = model.replacement;
  }
  return null;
}

/**
 * The model a designer of `id` goes to when `id` cannot be used: its usable replacement, else the default, else
 * the first usable current model, else any usable one. Null when nothing is usable.
 */
export function fallbackModel(registry: ModelRegistry, id: string, unusable: ReadonlySet<string>): ModelInfo | null {
  const usable = registry.models.filter((m) => !unusable.has(m.id) && m.id !== id);
  return (
    usableReplacement(registry, id, unusable) ??
    usable.find((m) => m.id === registry.defaultModel) ??
    usable.find((m) => m.status === 'current') ??
    usable[0] ??
    null
  );
}

/** The model with that id, or null. */
export function findModel(registry: ModelRegistry, id: string): ModelInfo | null {
  return registry.models.find((m) => m.id === id) ?? null;
}

/** The sizes a caller may choose from: the configured ones, or the one implicit size. */
export function sizesOf(model: Pick<ModelInfo, 'imageSizes' | 'defaultImageSize'>): readonly ImageSize[] {
  return model.imageSizes.length > 0 ? model.imageSizes : [model.defaultImageSize];
}

/** Tabled output pixels for a size and ratio, or null when the model does not offer that pair. */
export function tabledPixels(
  model: Pick<ModelInfo, 'dimensions'>,
  size: ImageSize,
  ratio: string,
): [number, number] | null {
  return model.dimensions[size]?.[ratio] ?? null;
}

/** Price of the output image alone at a size, in US dollars (what `/v1/models` lists as "per image"). */
export function pricePerImageUsd(model: ModelInfo, size: ImageSize): number {
  const tokens = model.pricing.outputTokensPerImage[size] ?? 0;
  return roundUsd((tokens * model.pricing.outputImageUsdPerMillionTokens) / 1_000_000);
}

/** Token counts as the proxy reports them, read from Gemini's `usageMetadata`. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/**
 * `usageMetadata` as far as pricing needs it. A detail Gemini did not send is null: {@link costUsd} then falls
 * back to the dearer reading, so a call is never priced below what Google may bill.
 */
export interface UsageBreakdown {
  /** `promptTokenCount`. */
  promptTokens: number;
  /** `promptTokensDetails` IMAGE (input images, replayed ones included); null without details. */
  promptImageTokens: number | null;
  /** `candidatesTokenCount`; null when absent (a blocked prompt, or an answer cut off). */
  candidatesTokens: number | null;
  /** `candidatesTokensDetails` IMAGE; null without details. */
  candidatesImageTokens: number | null;
  /** `thoughtsTokenCount`: thinking, outside `candidatesTokenCount` but billed (0 when absent). */
  thoughtsTokens: number;
  /** `totalTokenCount`. */
  totalTokens: number;
}

/** The breakdown of a call that reported only its totals (old rows, a double without details). */
export function totalsOnly(promptTokens: number, totalTokens: number): UsageBreakdown {
  return {
    promptTokens,
    promptImageTokens: null,
    candidatesTokens: null,
    candidatesImageTokens: null,
    thoughtsTokens: 0,
    totalTokens,
  };
}

/** Token counts per rate: what {@link costUsd} multiplies. */
export interface PricedTokens {
  inputText: number;
  inputImage: number;
  outputImage: number;
  /** Answer text and thinking. */
  outputText: number;
}

/**
 * Splits a call's tokens by the rate each is billed at. Input: by `promptTokensDetails` modality. Output: image
 * tokens at the image rate; the rest of `candidatesTokenCount` and all of `thoughtsTokenCount` at the text rate.
 * Without `candidatesTokensDetails` every candidate token counts as image (the dearer rate), and without
 * `candidatesTokenCount` the output is what the total leaves after input and thinking.
 */
export function pricedTokens(usage: UsageBreakdown): PricedTokens {
  const prompt = Math.max(0, usage.promptTokens);
  const inputImage = Math.min(prompt, Math.max(0, usage.promptImageTokens ?? 0));
  const thoughts = Math.max(0, usage.thoughtsTokens);
  const candidates = Math.max(0, usage.candidatesTokens ?? usage.totalTokens - prompt - thoughts);
  const outputImage =
    usage.candidatesImageTokens === null ? candidates : Math.min(candidates, Math.max(0, usage.candidatesImageTokens));
  return { inputText: prompt - inputImage, inputImage, outputImage, outputText: candidates - outputImage + thoughts };
}

/** Cost of one call in US dollars, each token at the rate Google bills its modality at ({@link pricedTokens}). */
export function costUsd(model: ModelInfo, usage: UsageBreakdown): number {
  return costOfTokens(model.pricing, pricedTokens(usage));
}

/** Dollars for tokens split by rate. */
export function costOfTokens(pricing: ModelInfo['pricing'], tokens: PricedTokens): number {
  const inputImageRate = pricing.inputImageUsdPerMillionTokens ?? pricing.inputUsdPerMillionTokens;
  return roundUsd(
    (tokens.inputText * pricing.inputUsdPerMillionTokens +
      tokens.inputImage * inputImageRate +
      tokens.outputImage * pricing.outputImageUsdPerMillionTokens +
      tokens.outputText * pricing.outputTextUsdPerMillionTokens) /
      1_000_000,
  );
}

/** Rounds to a millionth of a dollar so sums stay exact enough and JSON stays short. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
