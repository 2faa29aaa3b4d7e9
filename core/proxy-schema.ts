/**
 * What crosses the panel ⇄ proxy boundary (docs/architecture.md#panel-and-proxy-http). One schema module, imported by
 * both ui/ and proxy/, so the two ends cannot drift apart.
 */
// The namespace import lets bundlers drop zod's locales, which the panel never uses.
import * as z from 'zod';
import { isErrorCode, type AppError, type ErrorCode } from './errors.js';
import { MAX_REPLAY_TURNS, type ReplayContent } from './live-replay.js';
import { IMAGE_SIZES } from './models.js';

import { IMAGE_ROLES } from './image-sizes.js';

export { IMAGE_ROLES, type ImageRole } from './image-sizes.js';
export {
  modelsResponseSchema,
  publicModelSchema,
  unavailableModelSchema,
  type ModelsResponse,
  type PublicModel,
  type UnavailableModel,
} from './models-response.js';

/** MIME types Gemini accepts inline for image input that we send. */
export const INPUT_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Longest prompt we accept, in characters: far beyond any real instruction, well below Gemini's token limit. */
export const MAX_PROMPT_CHARS = 20_000;

/** Highest `variant` index: a request asks for at most 8 variants. */
export const MAX_VARIANT = 7;

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

// Strict: an unknown field (a `fileUri`, a `url`) is refused, never silently dropped — the proxy fetches no URL.
export const inputImageSchema = z.strictObject({
  data: z
    .string()
    .min(1, 'image data is empty')
    .refine((s) => s.length % 4 === 0 && base64Pattern.test(s), 'image data must be base64'),
  mimeType: z.enum(INPUT_MIME_TYPES, { error: 'mimeType must be image/png, image/jpeg or image/webp' }),
  role: z.enum(IMAGE_ROLES, { error: `role must be one of ${IMAGE_ROLES.join(', ')}` }),
});
export type InputImage = z.infer<typeof inputImageSchema>;

/** Most earlier contents a request replays: a user and a model content per turn (core/live-replay.ts). */
export const MAX_HISTORY_CONTENTS = 2 * MAX_REPLAY_TURNS;

/** Most parts one replayed content has: images, text, and a Gemini 3 answer's interim thought images. */
export const MAX_HISTORY_PARTS = 24;

// A thought signature has no length cap of its own: a recorded Gemini 3 image part carried 597,616 base64
// characters (docs/live-replay.md). The proxy's body limit budgets the whole request instead.

// Proto JSON bytes: standard or URL-safe base64 (Google's documented escape hatch `skip_thought_signature_validator`
// is URL-safe base64 too).
const signaturePattern = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * One part of a replayed content, as Gemini takes it: text or an inline image, with the `thought` flag and the
 * `thoughtSignature` the model gave it. Strict like an input image: a `fileData`, a URL or any other field is
 * refused, so the proxy never fetches anything on a replay either.
 */
export const historyPartSchema = historyPart(false);

/**
 * A part as `modelTurn` carries it in a 200 answer: the same, except that the answer's own image part has empty
 * `data`, standing for the answer's `image.data` (core/model-turn-wire.ts), so the image is not sent twice.
 */
const modelTurnPartSchema = historyPart(true);

function historyPart(emptyImageAllowed: boolean) {
  return z
    .strictObject({
      text: z.string().max(MAX_PROMPT_CHARS, `text is longer than ${MAX_PROMPT_CHARS} characters`).optional(),
      inlineData: z
        .strictObject({
          mimeType: z.enum(INPUT_MIME_TYPES, { error: 'mimeType must be image/png, image/jpeg or image/webp' }),
          data: z
            .string()
            .min(emptyImageAllowed ? 0 : 1, 'image data is empty')
            .refine((s) => s.length % 4 === 0 && base64Pattern.test(s), 'image data must be base64'),
        })
        .optional(),
      thought: z.boolean({ error: 'thought must be true or false' }).optional(),
      thoughtSignature: z
        .string()
        .min(1, 'thoughtSignature is empty')
        .regex(signaturePattern, 'thoughtSignature must be base64')
        .optional(),
    })
    .refine((part) => (part.text === undefined) !== (part.inlineData === undefined), {
      error: 'a part is either text or an inline image',
    });
}

/** A replayed user or model content. */
export const historyContentSchema = z.strictObject({
  role: z.enum(['user', 'model'], { error: 'role must be user or model' }),
  parts: z
    .array(historyPartSchema)
    .min(1, 'a content needs at least one part')
    .max(MAX_HISTORY_PARTS, `at most ${MAX_HISTORY_PARTS} parts per content`),
});

/** The model's answer, its parts untouched: what the panel keeps and replays. */
export const modelTurnSchema = historyContentSchema.extend({ role: z.literal('model') });
export type ModelTurn = z.infer<typeof modelTurnSchema>;

/** `modelTurn` on the wire: the answer's image part has empty `data` (see {@link modelTurnPartSchema}). */
export const modelTurnWireSchema = modelTurnSchema.extend({
  parts: z
    .array(modelTurnPartSchema)
    .min(1, 'a content needs at least one part')
    .max(MAX_HISTORY_PARTS, `at most ${MAX_HISTORY_PARTS} parts per content`),
});

/**
 * Earlier turns to replay before the new user content (core/live-replay.ts): user, model, user, model, … ending
 * with a model content, at most {@link MAX_REPLAY_TURNS} turns.
 */
export const historySchema = z
  .array(historyContentSchema)
  .min(2, 'history needs at least one user and one model content')
  .max(MAX_HISTORY_CONTENTS, `history holds at most ${MAX_REPLAY_TURNS} turns (${MAX_HISTORY_CONTENTS} contents)`)
  .superRefine((contents, ctx) => {
    contents.forEach((content, index) => {
      const expected = index % 2 === 0 ? 'user' : 'model';
      if (content.role !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'role'],
          message: `history must alternate user and model contents, starting with user and ending with model`,
        });
      }
    });
    if (contents.length % 2 !== 0) {
      ctx.addIssue({ code: 'custom', message: 'history must end with a model content' });
    }
  });

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
  /**
   * Which of N variants this call is (0–7). Part of the cache key only: without it, the 4 parallel calls of a
   * "4 variants" request would all be answered by the first one's cached image.
   */
  variant: z
    .number({ error: `variant must be a whole number from 0 to ${MAX_VARIANT}` })
    .int(`variant must be a whole number from 0 to ${MAX_VARIANT}`)
    .min(0, `variant must be a whole number from 0 to ${MAX_VARIANT}`)
    .max(MAX_VARIANT, `variant must be a whole number from 0 to ${MAX_VARIANT}`)
    .optional(),
  /** `false` skips the proxy's cache for this call: neither answered from it nor stored in it. Default true. */
  cache: z.boolean({ error: 'cache must be true or false' }).optional(),
  /**
   * Live replay (docs/live-replay.md): earlier user and model contents of this conversation, sent to Gemini before
   * the new user content (`images`, then `prompt`). Model parts go back exactly as `modelTurn` gave them.
   */
  history: historySchema.optional(),
  /** `true` asks for the model's answer as `modelTurn` in the 200 body, to replay it later. */
  returnModelTurn: z.boolean({ error: 'returnModelTurn must be true or false' }).optional(),
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
  /**
   * With `returnModelTurn: true`: the model's content, every part as Gemini sent it (thought images included,
   * signatures byte for byte), except that the part holding the answer's image has empty `data`: it is
   * `image.data` (unpack with core/model-turn-wire.ts). Absent for a cached answer (the cache keeps only the image)
   * and for an answer whose parts could not be replayed as they came.
   */
  modelTurn: modelTurnWireSchema.optional(),
});
export type GenerateResponse = z.infer<typeof generateResponseSchema>;

const errorCodeSchema = z.custom<ErrorCode>((v) => isErrorCode(v));

/**
 * Every error the proxy sends: `{ "error": { "code": "snake_case", "message": "…" } }`. `mayHaveBilledUsd` is
 * there when the call reached Gemini and Google may bill it anyway (a timeout, an answer without an image): the
 * estimate, or the billed cost when Gemini reported it.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    mayHaveBilledUsd: z.number().nonnegative().optional(),
  }),
});
export type ErrorEnvelope = { error: AppError };

/** Body of `GET /health`. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  mode: z.enum(['offline', 'gemini', 'vertex']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

const limitWindowSchema = z.object({
  /** ISO time the window started (00:00 UTC today, or on the 1st of the month). */
  start: z.string(),
  /** ISO time the window ends and its limit resets. */
  resetsAt: z.string(),
  /** Images made (cache hits not included: they do not count against limits). */
  images: z.number().int().nonnegative(),
  /** Images answered from the proxy's cache, free. */
  cachedImages: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});

/** Body of `GET /v1/usage/me`: a designer's own day and month, their limits and what remains. */
export const usageMeResponseSchema = z.object({
  token: z.object({ id: z.string(), name: z.string() }),
  now: z.string(),
  day: limitWindowSchema.extend({
    /** Images per day, or null for no limit. */
    limitImages: z.number().int().nullable(),
    remainingImages: z.number().int().nullable(),
  }),
  month: limitWindowSchema.extend({
    /** US dollars per month, or null for no limit. */
    limitUsd: z.number().nullable(),
    remainingUsd: z.number().nullable(),
  }),
  /** Requests per minute, or null for no limit. */
  requestsPerMinute: z.number().int().nullable(),
});
export type UsageMeResponse = z.infer<typeof usageMeResponseSchema>;

/** Names the first problem of a failed parse in plain words: which field, and what is wrong with it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    return `unknown field ${issue.keys.map((k) => `"${prefix}${k}"`).join(', ')}`;
  }
  return `${path}: ${issue.message}`;
}

// The replay types of core/live-replay.ts and the wire schema above describe the same contents.
type HistoryContent = z.infer<typeof historyContentSchema>;
const contentsMatch: [
  HistoryContent extends ReplayContent ? true : false,
  ReplayContent extends HistoryContent ? true : false,
] = [true, true];
void contentsMatch;
