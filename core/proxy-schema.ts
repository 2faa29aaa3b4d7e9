/**
 * What crosses the panel ⇄ proxy boundary (DESIGN.md §3). One schema module, imported by both ui/ and proxy/,
 * so the two ends cannot drift apart.
 */
import { z } from 'zod';
import { ERROR_STATUS, type AppError, type ErrorCode } from './errors.js';
import { IMAGE_SIZES } from './models.js';

/** What an input image is for. `base` is the frame being edited; the others are references. */
export const IMAGE_ROLES = ['base', 'style', 'subject', 'product', 'scene'] as const;
export type ImageRole = (typeof IMAGE_ROLES)[number];

/** MIME types Gemini accepts inline for image input that we send. */
export const INPUT_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Longest prompt we accept, in characters: far beyond any real instruction, well below Gemini's token limit. */
export const MAX_PROMPT_CHARS = 20_000;

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

export const inputImageSchema = z.object({
  data: z
    .string()
    .min(1, 'image data is empty')
    .refine((s) => s.length % 4 === 0 && base64Pattern.test(s), 'image data must be base64'),
  mimeType: z.enum(INPUT_MIME_TYPES, { error: 'mimeType must be image/png, image/jpeg or image/webp' }),
  role: z.enum(IMAGE_ROLES, { error: `role must be one of ${IMAGE_ROLES.join(', ')}` }),
});
export type InputImage = z.infer<typeof inputImageSchema>;

/** Body of `POST /v1/generate`. Unknown fields are rejected so that typos surface instead of being ignored. */
export const generateRequestSchema = z.strictObject({
  model: z.string().min(1).max(100).optional(),
  prompt: z
    .string({ error: 'prompt is required and must be text' })
    .trim()
    .min(1, 'prompt is empty')
    .max(MAX_PROMPT_CHARS, `prompt is longer than ${MAX_PROMPT_CHARS} characters`),
  images: z.array(inputImageSchema).max(14, 'at most 14 images').optional(),
  aspectRatio: z
    .string()
    .regex(/^[1-9][0-9]*:[1-9][0-9]*$/, 'aspectRatio must look like "16:9"')
    .optional(),
  imageSize: z.enum(IMAGE_SIZES, { error: `imageSize must be one of ${IMAGE_SIZES.join(', ')}` }).optional(),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const generatedImageSchema = z.object({
  data: z.string().min(1),
  mimeType: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type GeneratedImage = z.infer<typeof generatedImageSchema>;

/** Body of a 200 answer to `POST /v1/generate`. */
export const generateResponseSchema = z.object({
  image: generatedImageSchema,
  text: z.string().optional(),
  model: z.string(),
  usage: usageSchema,
  cached: z.boolean(),
});
export type GenerateResponse = z.infer<typeof generateResponseSchema>;

const errorCodeSchema = z.custom<ErrorCode>((v) => typeof v === 'string' && v in ERROR_STATUS);

/** Every error the proxy sends: `{ "error": { "code": "snake_case", "message": "…" } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});
export type ErrorEnvelope = { error: AppError };

/** Body of `GET /health`. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  mode: z.enum(['offline', 'gemini', 'vertex']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

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
});
export type PublicModel = z.infer<typeof publicModelSchema>;

export const modelsResponseSchema = z.object({
  defaultModel: z.string(),
  models: z.array(publicModelSchema),
});
export type ModelsResponse = z.infer<typeof modelsResponseSchema>;

/** Names the first problem of a failed parse in plain words: which field, and what is wrong with it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${path}: ${issue.message}`;
}
