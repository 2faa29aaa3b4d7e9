/**
 * The half-price submit's jobs (core/batch-jobs-split.ts): each call's single-edit request as a Batch API item, one
 * job per image size, split at 200 requests and at the inlined bytes, and every job valid for `POST /v1/batches`
 * (core/batch-schema.ts).
 */
import { describe, expect, it } from 'vitest';
import { splitBatchJobs, type BatchCall } from '../../core/batch-jobs-split.js';
import { batchRequestSchema, MAX_BATCH_REQUESTS } from '../../core/batch-schema.js';

const call = (i: number, extra: Partial<BatchCall['request']> = {}): BatchCall => ({
  layerId: `9:${i}`,
  name: `Product ${i}`,
  request: {
    prompt: `Edit this image: on a marble table. Product ${i}`,
    model: 'gemini-3.1-flash-image',
    aspectRatio: '4:5',
    imageSize: '1K',
    images: [{ mimeType: 'image/png', data: 'iVBORw0KGgo=', role: 'base' }],
    ...extra,
  },
});
const calls = (n: number, extra: Partial<BatchCall['request']> = {}) =>
  Array.from({ length: n }, (_, i) => call(i + 1, extra));

describe('splitBatchJobs', () => {
  it('makes one job of 40 requests, each the single edit’s prompt, images and ratio, valid for the proxy', () => {
    const jobs = splitBatchJobs('gemini-3.1-flash-image', 'file-1', calls(40));
    if (!jobs.ok) throw new Error(jobs.error.message);
    expect(jobs.value).toHaveLength(1);
    const job = jobs.value[0]!;
    expect(job).toMatchObject({ model: 'gemini-3.1-flash-image', fileKey: 'file-1', imageSize: '1K' });
    expect(job.requests).toHaveLength(40);
    expect(job.requests[0]).toEqual({
      layerId: '9:1',
      prompt: call(1).request.prompt,
      images: call(1).request.images,
      aspectRatio: '4:5',
    });
    expect(batchRequestSchema.safeParse(job).success).toBe(true);
  });

  it('splits past 200 requests, and by image size', () => {
    const jobs = splitBatchJobs('m', 'f', [...calls(MAX_BATCH_REQUESTS + 10), ...calls(3, { imageSize: '2K' })]);
    if (!jobs.ok) throw new Error(jobs.error.message);
    expect(jobs.value.map((j) => [j.imageSize, j.requests.length])).toEqual([
      ['1K', 200],
      ['1K', 10],
      ['2K', 3],
    ]);
  });

  it('splits at the inlined bytes, and refuses a request too big on its own, naming its layer', () => {
    const size = JSON.stringify({ layerId: '9:1', ...call(1).request }).length;
    const jobs = splitBatchJobs('m', 'f', calls(5), size * 2 + 10);
    if (!jobs.ok) throw new Error(jobs.error.message);
    expect(jobs.value.map((j) => j.requests.length)).toEqual([2, 2, 1]);
    const refused = splitBatchJobs('m', 'f', calls(2), 50);
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'request_too_large' }) });
    expect(!refused.ok && refused.error.message).toContain('“Product 1”');
  });

  it('leaves the size out for a model without one', () => {
    const jobs = splitBatchJobs('m', 'f', calls(2, { imageSize: undefined }));
    expect(jobs.ok && jobs.value[0]).not.toHaveProperty('imageSize');
  });
});
