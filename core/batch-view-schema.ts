/**
 * The proxy's answers about Batch API jobs (docs/proxy-api.md#batches) as schemas, so the panel checks every 200 body
 * as it checks the others (ui/proxy-client.ts). They check the shapes of core/batch-schema.ts: a change there that
 * these do not follow fails to compile here.
 */
import { z } from 'zod';
import type { BatchJobView, BatchResultView } from './batch-schema.js';

const count = z.number().int().nonnegative();

export const batchJobViewSchema = z.object({
  id: z.string().min(1),
  fileKey: z.string(),
  model: z.string().min(1),
  imageSize: z.string().nullable(),
  state: z.enum(['submitting', 'pending', 'running', 'succeeded', 'failed', 'cancelled', 'expired']),
  counts: z.object({ requests: count, succeeded: count, failed: count, placed: count }),
  costUsd: z.number().nonnegative(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});

export const batchResultViewSchema = z.object({
  index: count,
  layerId: z.string(),
  state: z.enum(['waiting', 'ok', 'failed', 'placed']),
  image: z
    .object({
      data: z.string().min(1),
      mimeType: z.string(),
      width: z.number().positive(),
      height: z.number().positive(),
    })
    .optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** `GET /v1/batches`. */
export const batchListResponseSchema = z.object({ jobs: z.array(batchJobViewSchema) });
/** `GET /v1/batches/:id`. */
export const batchReadResponseSchema = z.object({ job: batchJobViewSchema, results: z.array(batchResultViewSchema) });
/** `POST /v1/batches/:id/cancel` (and `POST /v1/batches`). */
export const batchJobResponseSchema = z.object({ job: batchJobViewSchema });
/** `POST /v1/batches/:id/placed`. */
export const batchPlacedResponseSchema = z.object({ placed: count });

export type BatchReadResponse = z.infer<typeof batchReadResponseSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const jobSame: Same<z.infer<typeof batchJobViewSchema>, BatchJobView> = true;
const resultSame: Same<z.infer<typeof batchResultViewSchema>, BatchResultView> = true;
void jobSame;
void resultSame;
