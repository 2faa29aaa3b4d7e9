/**
 * The half-price submit's jobs (docs/batch.md#run-at-half-price): a batch's requests as the proxy's Batch API
 * takes them (core/batch-schema.ts), one request per frame × variant, grouped into jobs of one image size each and
 * at most {@link MAX_BATCH_REQUESTS} requests and {@link MAX_INLINED_BATCH_BYTES} of inlined prompts and images.
 * Pure; also the shape of the proxy's answer to a submit, checked where it arrives (ui/proxy-client.ts).
 */
import { z } from 'zod';
import { MAX_BATCH_REQUESTS, MAX_INLINED_BATCH_BYTES, type BatchRequest } from './batch-schema.js';
import { appError } from './errors.js';
import type { GenerateRequest } from './proxy-schema.js';
import { fail, ok, type Result } from './result.js';
import { utf8Length } from './utf8-length.js';

/** One frame × variant's request, as a single edit of the frame would send it. */
export interface BatchCall {
  layerId: string;
  name: string;
  request: GenerateRequest;
}

/** The Batch API item of a call: the single edit's prompt, images and ratio. */
function itemOf(call: BatchCall): BatchRequest['requests'][number] {
  const { prompt, images, aspectRatio } = call.request;
  return {
    layerId: call.layerId,
    prompt,
    ...(images ? { images } : {}),
    ...(aspectRatio ? { aspectRatio } : {}),
  };
}

/**
 * The jobs for `calls`, in order: a new job for each image size, and whenever the next request would pass the
 * request count or the inlined bytes. A single request over the bytes on its own is refused, naming its layer.
 */
export function splitBatchJobs(
  model: string,
  fileKey: string,
  calls: readonly BatchCall[],
  maxBytes: number = MAX_INLINED_BATCH_BYTES,
): Result<BatchRequest[]> {
  const jobs: { job: BatchRequest; bytes: number }[] = [];
  for (const call of calls) {
    const item = itemOf(call);
    const bytes = utf8Length(JSON.stringify(item));
    if (bytes > maxBytes) {
      return fail(
        appError(
          'request_too_large',
          `“${call.name}” alone is more than the Batch API takes in one job (${Math.round(maxBytes / 1_000_000)} MB). Run it now instead, or make it smaller.`,
        ),
      );
    }
    const imageSize = call.request.imageSize;
    const open = [...jobs].reverse().find((j) => j.job.imageSize === imageSize);
    if (open && open.job.requests.length < MAX_BATCH_REQUESTS && open.bytes + bytes <= maxBytes) {
      open.job.requests.push(item);
      open.bytes += bytes;
      continue;
    }
    jobs.push({ job: { model, fileKey, ...(imageSize ? { imageSize } : {}), requests: [item] }, bytes });
  }
  return ok(jobs.map((j) => j.job));
}

/** What the panel reads of the proxy's 201 to `POST /v1/batches` (docs/proxy-api.md#batches): the job made. */
export const submittedJobSchema = z.object({
  job: z.object({
    id: z.string().min(1),
    state: z.string(),
    counts: z.object({ requests: z.number().int().nonnegative() }),
    costUsd: z.number().nonnegative(),
  }),
});
export type SubmittedJob = z.infer<typeof submittedJobSchema>['job'];
