/**
 * The Gemini double's Batch API jobs: what `models/{m}:batchGenerateContent` created, their states, and the
 * long-running `Operation` each is answered as (docs/gemini-double.md#the-batch-api). States move on a
 * deterministic clock: each `GET batches/{id}` is one poll, and a job leaves PENDING after `pendingPolls` polls and
 * RUNNING after `runningPolls` more, so tests decide how long a job takes without waiting.
 */

/** Google's `BatchState` values on the Gemini API (the SDK maps them to `JOB_STATE_…`). */
export type BatchState =
  | 'BATCH_STATE_PENDING'
  | 'BATCH_STATE_RUNNING'
  | 'BATCH_STATE_SUCCEEDED'
  | 'BATCH_STATE_FAILED'
  | 'BATCH_STATE_CANCELLED'
  | 'BATCH_STATE_EXPIRED';

/** One inlined answer: the request's `generateContent` response, or its `google.rpc.Status`; `metadata` echoed. */
export interface InlinedResponse {
  response?: Record<string, unknown>;
  error?: { code: number; message: string; details?: unknown[] };
  metadata?: unknown;
}

/** One job as the double keeps it. */
export interface DoubleBatchJob {
  /** `batches/{id}`. */
  name: string;
  /** `models/{id}`. */
  model: string;
  displayName: string;
  /** The inlined requests as they came: `{ request, metadata? }`. */
  requests: { request: unknown; metadata?: unknown }[];
  state: BatchState;
  polls: number;
  createTime: string;
  updateTime: string;
  endTime: string | null;
  /** Set when the job succeeds, one per request in order. */
  responses: InlinedResponse[] | null;
}

/** How many polls a job spends in each state before it moves on. */
export interface BatchClock {
  /** Polls answered PENDING before the job runs (default 1). */
  pendingPolls: number;
  /** Polls answered RUNNING before it succeeds (default 1). */
  runningPolls: number;
}

/** Every job of one double, by id, and the clock they move on. */
export interface BatchBook {
  jobs: Map<string, DoubleBatchJob>;
  clock: BatchClock;
  next: number;
}

const TERMINAL: ReadonlySet<BatchState> = new Set([
  'BATCH_STATE_SUCCEEDED',
  'BATCH_STATE_FAILED',
  'BATCH_STATE_CANCELLED',
  'BATCH_STATE_EXPIRED',
]);

/** True once a job can no longer change. */
export function isTerminal(state: BatchState): boolean {
  return TERMINAL.has(state);
}

/** A new book; `clock` fields left out take their defaults. */
export function newBatchBook(clock: Partial<BatchClock> = {}): BatchBook {
  return { jobs: new Map(), clock: { pendingPolls: 1, runningPolls: 1, ...clock }, next: 1 };
}

/** Adds a PENDING job and returns it. Ids are short, lowercase and unique per double, like Google's. */
export function addJob(
  book: BatchBook,
  input: { model: string; displayName: string; requests: DoubleBatchJob['requests'] },
  now: Date,
): DoubleBatchJob {
  const id = `${(book.next++).toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 10)}`;
  const time = now.toISOString();
  const job: DoubleBatchJob = {
    name: `batches/${id}`,
    ...input,
    state: 'BATCH_STATE_PENDING',
    polls: 0,
    createTime: time,
    updateTime: time,
    endTime: null,
    responses: null,
  };
  book.jobs.set(id, job);
  return job;
}

/**
 * Counts one poll and says what the job becomes: the same state, RUNNING, or `finish` (the caller computes the
 * answers and calls {@link finishJob}).
 */
export function pollJob(book: BatchBook, job: DoubleBatchJob): 'same' | 'running' | 'finish' {
  if (isTerminal(job.state)) return 'same';
  job.polls++;
  const { pendingPolls, runningPolls } = book.clock;
  if (job.polls >= pendingPolls + runningPolls) return 'finish';
  if (job.polls >= pendingPolls && job.state === 'BATCH_STATE_PENDING') return 'running';
  return 'same';
}

/** Moves a job to a new state, stamping `updateTime` (and `endTime` for a final state). */
export function setState(job: DoubleBatchJob, state: BatchState, now: Date): void {
  job.state = state;
  job.updateTime = now.toISOString();
  if (isTerminal(state)) job.endTime = job.updateTime;
}

/** The job as an `Operation`, the shape Google answers create, get and list with; `withOutput` false for list. */
export function operationOf(job: DoubleBatchJob, withOutput: boolean): Record<string, unknown> {
  const output = withOutput && job.responses ? { inlinedResponses: { inlinedResponses: job.responses } } : undefined;
  const metadata: Record<string, unknown> = {
    '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch',
    model: job.model,
    displayName: job.displayName,
    ...(output ? { output } : {}),
    createTime: job.createTime,
    ...(job.endTime ? { endTime: job.endTime } : {}),
    updateTime: job.updateTime,
    batchStats: batchStats(job),
    state: job.state,
    name: job.name,
  };
  const done = isTerminal(job.state);
  return {
    name: job.name,
    metadata,
    ...(done ? { done: true } : {}),
    ...(done && output
      ? {
          response: {
            '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput',
            ...output,
          },
        }
      : {}),
  };
}

/** `BatchStats`: int64 counts as strings, zero counts left out, as proto3 JSON writes them. */
function batchStats(job: DoubleBatchJob): Record<string, string> {
  const total = job.requests.length;
  const failed = job.responses?.filter((r) => r.error).length ?? 0;
  const succeeded = job.responses ? job.responses.length - failed : 0;
  const pending = isTerminal(job.state) ? 0 : total;
  const stats: Record<string, string> = { requestCount: String(total) };
  if (succeeded > 0) stats['successfulRequestCount'] = String(succeeded);
  if (failed > 0) stats['failedRequestCount'] = String(failed);
  if (pending > 0) stats['pendingRequestCount'] = String(pending);
  return stats;
}
