/**
 * The shapes of the proxy's Batch API jobs (`/v1/batches`, docs/proxy-api.md#batches), shared by the panel and the
 * proxy like core/proxy-schema.ts. Each request of a job is checked as `POST /v1/generate` checks one.
 */
import { z } from 'zod';
import { generateRequestSchema } from './proxy-schema.js';

/** Most requests one job carries: a few hundred frames, and Google's 20 MB of inlined requests in all. */
export const MAX_BATCH_REQUESTS = 200;

/**
 * Largest job of inlined requests, in bytes as sent (prompts and base64 images): Google's guide puts inlined
 * requests at "under 20 MB" in all (docs/gemini-platform.md#batch-api). Bigger selections go as several jobs.
 */
export const MAX_INLINED_BATCH_BYTES = 20_000_000;

const shape = generateRequestSchema.shape;
const opaqueId = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .min(1, `${what} is empty`)
    .max(200, `${what} is longer than 200 characters`);

/** One request of a job: the layer its result goes beside, and the request as `/v1/generate` would take it. */
export const batchItemSchema = z.strictObject({
  layerId: opaqueId('layerId'),
  prompt: shape.prompt,
  images: shape.images,
  aspectRatio: shape.aspectRatio,
});

/** Body of `POST /v1/batches`: one model and size for the job, a request per layer. */
export const batchRequestSchema = z.strictObject({
  model: shape.model,
  fileKey: opaqueId('fileKey'),
  imageSize: shape.imageSize,
  aspectRatio: shape.aspectRatio,
  requests: z
    .array(batchItemSchema)
    .min(1, 'requests is empty')
    .max(MAX_BATCH_REQUESTS, `at most ${MAX_BATCH_REQUESTS} requests in one job`),
});

export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** A job as `GET /v1/batches` lists it. */
export interface BatchJobView {
  id: string;
  fileKey: string;
  model: string;
  imageSize: string | null;
  state: 'submitting' | 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  /** Requests in the job, and of those: answered with an image, failed, placed. */
  counts: { requests: number; succeeded: number; failed: number; placed: number };
  /** At the batch rate: reserved while open, what it cost once done. */
  costUsd: number;
  createdAt: string;
  doneAt: string | null;
}

/** One request's result in `GET /v1/batches/:id`. */
export interface BatchResultView {
  index: number;
  layerId: string;
  state: 'waiting' | 'ok' | 'failed' | 'placed';
  image?: { data: string; mimeType: string; width: number; height: number };
  error?: { code: string; message: string };
}
