/**
 * The body of `GET /v1/models` (re-exported by proxy-schema.ts, the panel ⇄ proxy contract): what the panel needs to
 * offer choices, estimate cost (core/cost-estimate.ts) and follow a model's lifecycle (config/models.md).
 */
// The namespace import lets bundlers drop zod's locales, which the panel never uses.
import * as z from 'zod';
import { publicSegmentationSchema } from './segmentation-model.js';
import { IMAGE_SIZES, MODEL_STATUSES } from './models.js';

/** One model as `GET /v1/models` lists it: what the panel needs to offer choices and estimate cost. */
export const publicModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  aspectRatios: z.array(z.string()),
  imageSizes: z.array(z.enum(IMAGE_SIZES)),
  defaultImageSize: z.enum(IMAGE_SIZES),
  dimensions: z.partialRecord(z.enum(IMAGE_SIZES), z.record(z.string(), z.tuple([z.number(), z.number()]))),
  maxInputImages: z.number().int(),
  /** US dollars for the output image alone, per size. */
  pricePerImageUsd: z.partialRecord(z.enum(IMAGE_SIZES), z.number()),
  inputUsdPerMillionTokens: z.number(),
  /** Input tokens one input image costs, for `estimateCostUsd` (core/cost-estimate.ts). */
  inputTokensPerImage: z.number().optional(),
  /** Input image tokens' rate, where it differs from `inputUsdPerMillionTokens`. */
  inputImageUsdPerMillionTokens: z.number().optional(),
  /** Text and thinking output tokens' rate, and how many a typical answer has (config/models.md). */
  outputTextUsdPerMillionTokens: z.number().optional(),
  typicalTextTokens: z.number().optional(),
  typicalThoughtsTokens: z.number().optional(),
  /** Where the model is in Google's lifecycle, and the model to move to (absent from older proxies). */
  status: z.enum(MODEL_STATUSES).optional(),
  replacement: z.string().optional(),
  /**
   * The model signs its answer's parts and refuses a replayed model turn without the signatures (Gemini 3): ask
   * for `returnModelTurn` and replay only its own turns. Absent from older proxies: no replay.
   */
  thoughtSignatures: z.boolean().optional(),
  /**
   * What a request through the Batch API costs as a share of the standard rates (config/models.md `batchRate`), for
   * the panel's half-price estimate (core/batch-plan.ts). Absent from older proxies: no half-price offer.
   */
  batchRate: z.number().positive().max(1).optional(),
});
export type PublicModel = z.infer<typeof publicModelSchema>;

/** A configured model this proxy's key cannot reach now, and where its designers go instead. */
export const unavailableModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  replacement: z.string().nullable(),
});
export type UnavailableModel = z.infer<typeof unavailableModelSchema>;

export const modelsResponseSchema = z.object({
  defaultModel: z.string(),
  models: z.array(publicModelSchema),
  /** Configured models left out of `models` because the key cannot reach them (absent from older proxies). */
  unavailable: z.array(unavailableModelSchema).optional(),
  /**
   * The largest inline input image this proxy's backend takes, in bytes (core/input-limits.ts): the panel shrinks
   * what it sends to fit. Absent from older proxies: the panel then assumes the Vertex limit, the smaller one.
   */
  inlineImageMaxBytes: z.number().int().positive().optional(),
  /** The model behind Remove background and Isolate object (core/segmentation-model.ts), when the proxy has one. */
  segmentation: publicSegmentationSchema.optional(),
});
export type ModelsResponse = z.infer<typeof modelsResponseSchema>;
