/**
 * What the panel's "Half-price jobs" card says about a person's Batch API jobs (docs/batch-jobs.md): each job's state
 * in plain words, which actions it offers, and which of its results to place. Pure: the jobs and results come from
 * the proxy (`GET /v1/batches`, docs/proxy-api.md#batches), the time from the caller.
 */
import type { BatchJobView, BatchResultView } from './batch-schema.js';
import type { ImageSize } from './image-sizes.js';
import { IMAGE_SIZES } from './image-sizes.js';
import type { TurnDraft } from './turn-record.js';

/**
 * The turn record's prompt of a placed half-price result when the file has no note of the job's prompt
 * (core/batch-note.ts): the proxy keeps no prompt, only the layer.
 */
export const BATCH_RESULT_PROMPT = 'Half-price job result';

/** What a job offers: how many results to place, and whether it can be cancelled or dismissed. */
export interface JobActions {
  place: number;
  cancel: boolean;
  dismiss: boolean;
}

const OPEN: ReadonlySet<BatchJobView['state']> = new Set(['submitting', 'pending', 'running']);

/** Whether the job is still at Google (it may still be cancelled). */
export function isOpenJob(job: Pick<BatchJobView, 'state'>): boolean {
  return OPEN.has(job.state);
}

/** Results waiting to be placed: answered with an image and not placed yet. */
export function readyCount(job: Pick<BatchJobView, 'counts'>): number {
  return Math.max(0, job.counts.succeeded - job.counts.placed);
}

/**
 * The job's line: "Running at Google · 40 frames · submitted 2 h ago", "Done · 38 ready, 2 failed", "Done · all 38
 * placed", "Cancelled", "Expired", "Failed at Google · 2 failed".
 */
export function jobStateLine(job: BatchJobView, nowMs: number): string {
  const frames = `${job.counts.requests} ${job.counts.requests === 1 ? 'frame' : 'frames'}`;
  const ago = `submitted ${timeAgo(Date.parse(job.createdAt), nowMs)}`;
  const failed = job.counts.failed > 0 ? `${job.counts.failed} failed` : '';
  switch (job.state) {
    case 'submitting':
      return `Sending to Google · ${frames} · ${ago}`;
    case 'pending':
      return `Waiting at Google · ${frames} · ${ago}`;
    case 'running':
      return `Running at Google · ${frames} · ${ago}`;
    case 'succeeded': {
      const ready = readyCount(job);
      const placed =
        ready > 0 ? `${ready} ready` : job.counts.succeeded > 0 ? `all ${job.counts.succeeded} placed` : 'no images';
      return `Done · ${[placed, failed].filter(Boolean).join(', ')}`;
    }
    case 'failed':
      return ['Failed at Google', failed].filter(Boolean).join(' · ');
    case 'cancelled':
      return 'Cancelled';
    case 'expired':
      return 'Expired';
  }
}

/** The job's cost line: reserved while open, what it cost once done; a cancelled job billed nothing. */
export function jobCostLine(job: BatchJobView, formatUsd: (usd: number) => string): string {
  if (job.state === 'cancelled') return 'nothing billed';
  if (isOpenJob(job)) return `up to ${formatUsd(job.costUsd)} at half price`;
  return `${formatUsd(job.costUsd)} at half price`;
}

/** Which buttons the job's row shows. A job is dismissed only once nothing of it waits to be placed. */
export function jobActions(job: BatchJobView): JobActions {
  const open = isOpenJob(job);
  const place = open ? 0 : readyCount(job);
  return { place, cancel: open && job.state !== 'submitting', dismiss: !open && place === 0 };
}

/** A result that failed, as the card lists it. */
export interface FailedResult {
  index: number;
  layerId: string;
  message: string;
}

/** What placing a job's results means: those with an image, those already placed, those that failed. */
export interface PlacePlan {
  toPlace: (BatchResultView & { image: NonNullable<BatchResultView['image']> })[];
  alreadyPlaced: number;
  failed: FailedResult[];
}

/** Splits a job's results; a placed result has no image any more, so it is never placed twice. */
export function planPlacing(results: readonly BatchResultView[], skip: ReadonlySet<number> = new Set()): PlacePlan {
  const plan: PlacePlan = { toPlace: [], alreadyPlaced: 0, failed: [] };
  for (const result of results) {
    if (result.state === 'placed' || skip.has(result.index)) plan.alreadyPlaced++;
    else if (result.state === 'ok' && result.image) plan.toPlace.push({ ...result, image: result.image });
    else if (result.state === 'failed') {
      plan.failed.push({ index: result.index, layerId: result.layerId, message: failureWords(result.error) });
    }
  }
  return plan;
}

/** A failed request's error in plain words. */
export function failureWords(error: BatchResultView['error']): string {
  if (!error) return 'Google gave no reason.';
  if (error.code === 'cancelled') return 'The job was cancelled before this frame was made; nothing was billed.';
  if (error.code === 'safety_blocked') return `Blocked by Google's safety filters: ${error.message}`;
  return error.message || `Google answered ${error.code}.`;
}

/** "1 frame is gone from this page: Hero 3", "2 frames are gone from this page: Hero 3, layer 1:9". */
export function goneLine(labels: readonly string[]): string {
  const frames = labels.length === 1 ? '1 frame is' : `${labels.length} frames are`;
  return `${frames} gone from this page: ${labels.join(', ')}`;
}

/**
 * A source layer as the card names it: its name in the file's note of the job (core/batch-note.ts), else "layer 1:5"
 * (the proxy keeps layer ids, not names).
 */
export function layerLabel(layerId: string, names: Readonly<Record<string, string>>): string {
  return names[layerId] ?? `layer ${layerId}`;
}

/** The ratio of an image's sides, reduced ("1024 × 576" → "16:9"); a turn record's `aspectRatio`. */
export function ratioOf(width: number, height: number): string {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const divisor = gcd(w, h);
  return `${w / divisor}:${h / divisor}`;
}

/**
 * The turn draft of one placed result: the job's model and size, the image's ratio, and its share of what the job
 * cost at the batch rate (the proxy answers the job's total, not each request's), marked as from the job.
 */
export function batchTurnDraft(
  job: BatchJobView,
  result: PlacePlan['toPlace'][number],
  prompt: string = BATCH_RESULT_PROMPT,
): TurnDraft {
  const each = job.counts.succeeded > 0 ? job.costUsd / job.counts.succeeded : 0;
  return {
    prompt,
    model: job.model,
    params: { aspectRatio: ratioOf(result.image.width, result.image.height), imageSize: sizeOf(job.imageSize) },
    inputs: [{ nodeId: result.layerId, role: 'base' }],
    batchJob: { id: job.id, index: result.index },
    usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: Math.round(each * 1e6) / 1e6 },
  };
}

function sizeOf(size: string | null): ImageSize {
  return (IMAGE_SIZES as readonly string[]).includes(size ?? '') ? (size as ImageSize) : '1K';
}

/** "just now", "5 min ago", "2 h ago", "3 days ago". */
export function timeAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
