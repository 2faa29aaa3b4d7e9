/** What the "Half-price jobs" card shows (ui/components/batch-jobs-card.tsx), as signals. */
import { signal } from '@preact/signals';
import type { FailedResult } from '../core/batch-job-view.js';
import type { BatchJobView } from '../core/batch-schema.js';
import type { AppError } from '../core/errors.js';

/** What the last action on one job left to say: placed, gone sources with their images still offered, failures. */
export interface JobOutcome {
  placed: number;
  /** Results whose source layer is not on this page any more: their images wait to be placed anyway. */
  gone: { index: number; layerId: string }[];
  failed: FailedResult[];
  /** Source layers' names by id, from the file's note of the job (core/batch-note.ts); empty without one. */
  names: Readonly<Record<string, string>>;
  /** A line for the job: "Cancelled at Google; nothing was billed.", or what went wrong. */
  note: string | null;
}

export function createBatchJobsState() {
  return {
    /** This person's jobs for this file, newest first, as last listed; empty before the first list. */
    jobs: signal<readonly BatchJobView[]>([]),
    /** A list is on its way. */
    checking: signal(false),
    /** Why the last list asked for by the designer failed (one asked for at start fails quietly). */
    error: signal<AppError | null>(null),
    /** The job a Place or Cancel is working on. */
    busy: signal<string | null>(null),
    /** By job id. */
    outcomes: signal<ReadonlyMap<string, JobOutcome>>(new Map()),
    /** Jobs dismissed in this panel session. */
    dismissed: signal<ReadonlySet<string>>(new Set()),
  };
}

export type BatchJobsState = ReturnType<typeof createBatchJobsState>;
