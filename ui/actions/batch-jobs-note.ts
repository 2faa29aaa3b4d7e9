/**
 * The file's note of a half-price job (core/batch-note.ts): written by the panel that submits the job, right after
 * `POST /v1/batches` answers with its id, and read when its results are placed. Without one (a job submitted
 * elsewhere, or a note too large to keep), results are placed with "Half-price job result" as their prompt and a
 * gone source is named by its layer id.
 */
import type { BatchNote } from '../../core/batch-note.js';
import type { Result } from '../../core/result.js';
import type { AppDeps } from './deps.js';

/** Keeps `note` in the file for job `jobId`; null forgets it. */
export function keepBatchNoteAsync(
  deps: Pick<AppDeps, 'bridge'>,
  jobId: string,
  note: BatchNote | null,
): Promise<Result<null>> {
  return deps.bridge.request('KEEP_BATCH_NOTE', { jobId, note });
}

/** The file's note of job `jobId`, or null when it has none or it cannot be read. */
export async function readBatchNoteAsync(deps: Pick<AppDeps, 'bridge'>, jobId: string): Promise<BatchNote | null> {
  const read = await deps.bridge.request('READ_BATCH_NOTE', { jobId });
  return read.ok ? read.value : null;
}
