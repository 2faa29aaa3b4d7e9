/**
 * Run a batch at half price (docs/batch.md#run-at-half-price): every frame is exported and its request built as a
 * single edit of it would be (ui/actions/batch-press.ts), one request per frame × variant, and the lot goes to the
 * proxy's Batch API (`POST /v1/batches`, docs/proxy-api.md#batches) under the file's key, as one job, or several
 * when it passes 200 requests or 20 MB (core/batch-jobs-split.ts). Nothing is placed now: the results arrive within
 * hours and are placed when the file is opened again (ui/actions/batch-jobs.ts lists the jobs): each job's note
 * (the prompt, each source's name and box) is kept in the file for that (docs/batch-jobs.md#the-files-note). A frame that
 * cannot be exported is named and left out; Cancel before the submit sends nothing.
 */
import { batch } from '@preact/signals';
import { splitBatchJobs, type BatchCall, type SubmittedJob } from '../../core/batch-jobs-split.js';
import type { BatchNote } from '../../core/batch-note.js';
import type { BatchFrame } from '../../core/batch-plan.js';
import type { BatchRequest } from '../../core/batch-schema.js';
import { framesWord } from '../../core/batch-summary.js';
import { formatUsd } from '../../core/cost-estimate.js';
import { appError, type AppError } from '../../core/errors.js';
import { batchPlanAtPressAsync, prepareBatchFrameAsync } from './batch-press.js';
import type { AppDeps } from './deps.js';
import { keepBatchNoteAsync } from './batch-jobs-note.js';
import { readFileKeyAsync } from './file-key.js';
import { startRun } from './run.js';

/** Exports the batch's frames and submits them as Batch API jobs; the note says what was sent. */
export async function submitBatchAsync(deps: AppDeps, onSubmitted?: () => void): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const plan = await batchPlanAtPressAsync(deps);
  if (!plan.ok) {
    state.error.value = plan.error;
    return;
  }
  const fileKey = await readFileKeyAsync(deps);
  if (!fileKey.ok) {
    state.error.value = fileKey.error;
    return;
  }
  const run = startRun(
    deps,
    'exporting',
    () => {
      state.batch.confirming.value = null;
      state.batch.submitted.value = null;
      state.batch.submitting.value = true;
    },
    null,
  );
  const calls: BatchCall[] = [];
  const left: string[] = plan.value.refused.map((r) => `“${r.frame.name}”: ${r.reason}`);
  for (const frame of plan.value.frames) {
    const prepared = await prepareBatchFrameAsync(deps, frame, run.signal);
    if (run.signal.aborted) break;
    if (!prepared.ok) {
      left.push(`“${frame.frame.name}”: ${prepared.error.message}`);
      continue;
    }
    for (let v = 0; v < plan.value.variants; v++) {
      calls.push({ layerId: frame.frame.id, name: frame.frame.name, request: prepared.value.request });
    }
  }
  const jobs = splitBatchJobs(plan.value.frames[0]!.plan.model.id, fileKey.value, calls);
  const submitted: SubmittedJob[] = [];
  let failure: AppError | null = jobs.ok ? null : jobs.error;
  if (jobs.ok && calls.length === 0) failure = appError('bad_request', `No frame could be sent. ${left[0] ?? ''}`);
  run.step('generating');
  const proxy = deps.proxyFor(state.settings.peek());
  for (const job of jobs.ok ? jobs.value : []) {
    if (failure || run.signal.aborted) break;
    const answer = await proxy.submitBatch(job, run.signal);
    if (!answer.ok) {
      failure = answer.error;
      continue;
    }
    submitted.push(answer.value);
    // Without the note the job's results are still placed, with a plainer prompt and name (docs/batch-jobs.md).
    await keepBatchNoteAsync(deps, answer.value.id, noteOf(job, plan.value.frames));
  }
  const frames = new Set(calls.map((c) => c.layerId)).size;
  const ended = run.end(() => {
    state.batch.submitting.value = false;
    if (submitted.length > 0) state.batch.submitted.value = submittedNote(submitted, frames, left);
    if (failure) state.error.value = submitted.length > 0 ? partialError(failure, submitted) : failure;
  });
  if (!ended) {
    batch(() => {
      state.batch.submitting.value = false;
      if (submitted.length > 0) state.batch.submitted.value = submittedNote(submitted, frames, left);
    });
  }
  if (submitted.length > 0) onSubmitted?.();
}

/** A job's note: the prompt its frames were edited with, and each frame's name and box at submission. */
function noteOf(job: BatchRequest, frames: readonly BatchFrame[]): BatchNote {
  const layers: BatchNote['layers'] = {};
  for (const { layerId } of job.requests) {
    const frame = frames.find((f) => f.frame.id === layerId)?.frame;
    const box = frame?.box;
    if (frame && box && box.width > 0 && box.height > 0) layers[layerId] = { name: frame.name, box };
  }
  return { prompt: frames[0]!.plan.instruction, layers };
}

/** "Submitted: 40 frames at half price (≈ $1.34). Results arrive within hours; open this file again to place them." */
function submittedNote(jobs: readonly SubmittedJob[], frames: number, left: readonly string[]): string {
  const cost = jobs.reduce((sum, job) => sum + job.costUsd, 0);
  const requests = jobs.reduce((sum, job) => sum + job.counts.requests, 0);
  const asJobs = jobs.length === 1 ? '' : ` as ${jobs.length} jobs`;
  const calls = requests === frames ? '' : ` (${requests} requests)`;
  const head = `Submitted: ${framesWord(frames)}${calls} at half price${asJobs} (≈ ${formatUsd(cost)}). Results arrive within hours; open this file again to place them.`;
  return left.length === 0 ? head : `${head} Not sent: ${left.join('; ')}`;
}

/** A later job was refused after earlier ones went: say both. */
function partialError(error: AppError, submitted: readonly SubmittedJob[]): AppError {
  const went = submitted.length === 1 ? 'The first job was submitted' : `${submitted.length} jobs were submitted`;
  return { ...error, message: `${went}, but the next was refused: ${error.message}` };
}
