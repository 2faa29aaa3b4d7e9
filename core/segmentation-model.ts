/**
 * The segmentation model (docs/image-tools.md#how-the-matte-is-made): a Gemini **text** model asked for
 * segmentation masks, for Remove background and Isolate object. It is kept in `config/models.json` under
 * `segmentation`, apart from the image models, so the model picker never lists it. Priced per token as Google bills it
 * (config/models.md lists each figure with its source).
 */
import * as z from 'zod';

export const segmentationModelSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'a model id is lowercase letters, digits, dots and dashes'),
  label: z.string().min(1),
  pricing: z.object({
    /** Input tokens (text and image alike), dollars per million. */
    inputUsdPerMillionTokens: z.number().nonnegative(),
    /** Output tokens (the JSON answer; thinking too, though the call turns it off), dollars per million. */
    outputUsdPerMillionTokens: z.number().nonnegative(),
    /** Input tokens of a typical call: the image sent at most `maxSide` px and the prompt (config/models.md). */
    typicalInputTokens: z.number().int().nonnegative(),
    /** Output tokens of a typical answer: a few masks as base64 PNGs in JSON (config/models.md). */
    typicalOutputTokens: z.number().int().nonnegative(),
  }),
  /** The longest side of the image sent, in px: Google's examples shrink to 1024 (docs/gemini-platform.md). */
  maxSide: z.number().int().positive().default(1024),
  timeoutSeconds: z.number().positive().default(60),
});

export type SegmentationModel = z.infer<typeof segmentationModelSchema>;

/** Dollars for one segmentation call's tokens. */
export function segmentationCostUsd(model: SegmentationModel, inputTokens: number, outputTokens: number): number {
  const { pricing } = model;
  const usd = (inputTokens * pricing.inputUsdPerMillionTokens + outputTokens * pricing.outputUsdPerMillionTokens) / 1e6;
  // To a millionth of a dollar, as core/models.ts `roundUsd` rounds (not imported: core/models.ts imports this file).
  return Math.round(usd * 1_000_000) / 1_000_000;
}

/** What a typical call costs, for the estimate shown before the press. */
export function segmentationEstimateUsd(model: SegmentationModel): number {
  return segmentationCostUsd(model, model.pricing.typicalInputTokens, model.pricing.typicalOutputTokens);
}

/** What `GET /v1/models` says of the segmentation model: what the panel shows and sends. */
export const publicSegmentationSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** A typical call, for the estimate shown before Remove background or Isolate object. */
  estimateUsd: z.number().nonnegative(),
  /** The longest side of the image to send, in px. */
  maxSide: z.number().int().positive(),
});
export type PublicSegmentation = z.infer<typeof publicSegmentationSchema>;

/** The public view of the registry's segmentation model. */
export function publicSegmentation(model: SegmentationModel): PublicSegmentation {
  return { id: model.id, label: model.label, estimateUsd: segmentationEstimateUsd(model), maxSide: model.maxSide };
}
