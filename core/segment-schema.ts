/**
 * `POST /v1/segment` (docs/proxy-api.md#post-v1segment): the panel sends one image and, for Isolate object, the
 * object's name; the proxy asks the segmentation model (core/segmentation-model.ts) for masks and answers with them
 * as Gemini gave them (docs/gemini-platform.md#segmentation-masks): a box normalised to 0–1000 as [y0, x0, y1, x1],
 * a label, and a base64 PNG probability map of the box's size. Imported by ui/ and proxy/ alike.
 */
import * as z from 'zod';
import { usageSchema } from './proxy-schema.js';

/** Longest object name Isolate object sends. */
export const MAX_SEGMENT_LABEL_CHARS = 200;

const base64 = z
  .string()
  .min(1, 'image data is empty')
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'image data must be base64');

// Strict, as `POST /v1/generate` is: an unknown field (a `url`) is refused, so the proxy fetches nothing for a client.
export const segmentRequestSchema = z.strictObject({
  image: z.strictObject({
    data: base64,
    mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'mimeType must be image/png or image/jpeg' }),
  }),
  /** What to find ("the mug"); absent: the image's main subject (Remove background). */
  label: z.string().trim().min(1).max(MAX_SEGMENT_LABEL_CHARS).optional(),
});
export type SegmentRequest = z.infer<typeof segmentRequestSchema>;

const permille = z.number().min(0).max(1000);

/** One mask as Gemini gives it. */
export const segmentMaskSchema = z.object({
  /** [y0, x0, y1, x1], each 0–1000 of the image's height or width. */
  box: z.tuple([permille, permille, permille, permille]),
  label: z.string(),
  /** Base64 PNG (no `data:` prefix): 0–255 per pixel, the probability the pixel is the object, over the box. */
  mask: base64,
});
export type SegmentMask = z.infer<typeof segmentMaskSchema>;

export const segmentResponseSchema = z.object({
  model: z.string(),
  masks: z.array(segmentMaskSchema),
  usage: usageSchema,
});
export type SegmentResponse = z.infer<typeof segmentResponseSchema>;
