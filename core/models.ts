/**
 * The model registry: which Nano Banana models the proxy offers, with their aspect ratios, sizes, input limits
 * and prices. It is read from `config/models.json` (DESIGN.md §3: ids move every few months, so they live in
 * configuration, not code), validated by {@link modelRegistrySchema}, and served by `GET /v1/models`.
 */
// The namespace import lets bundlers drop zod's locales, which the panel never uses.
import * as z from 'zod';

import { IMAGE_SIZES, type ImageSize } from './image-sizes.js';

export { IMAGE_SIZES, type ImageSize } from './image-sizes.js';

const ratioPattern = /^[1-9][0-9]*:[1-9][0-9]*$/;
const pixelsSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/** One model as configured. Sizes map to `{ ratio: [width, height] }` from gemini-api.md §1.3. */
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
    pricing: z.object({
      inputUsdPerMillionTokens: z.number().nonnegative(),
      outputUsdPerMillionTokens: z.number().nonnegative(),
      /** Output tokens one image costs, per size (gemini-api.md §1.2). */
      outputTokensPerImage: z.partialRecord(z.enum(IMAGE_SIZES), z.number().int().positive()),
    }),
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
  if (!registry.models.some((m) => m.id === registry.defaultModel)) {
    throw new Error(`Invalid model registry: default model ${registry.defaultModel} is not in the list`);
  }
  return registry;
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
  return roundUsd((tokens * model.pricing.outputUsdPerMillionTokens) / 1_000_000);
}

/** Token counts as the proxy reports them, read from Gemini's `usageMetadata`. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/**
 * Cost of one call from its token counts. Output covers image, text and thinking tokens: Google bills thinking
 * "regardless of whether includeThoughts is set" (gemini-api.md §1.2), so output = total − input.
 */
export function costUsd(model: ModelInfo, usage: TokenUsage): number {
  const { inputUsdPerMillionTokens, outputUsdPerMillionTokens } = model.pricing;
  return roundUsd(
    (usage.inputTokens * inputUsdPerMillionTokens + usage.outputTokens * outputUsdPerMillionTokens) / 1_000_000,
  );
}

/** Rounds to a millionth of a dollar so sums stay exact enough and JSON stays short. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
