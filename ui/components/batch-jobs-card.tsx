/**
 * "Half-price jobs": this person's Batch API jobs for this file (docs/batch-jobs.md), shown when any exist. Each job's
 * state in plain words and its cost at the batch rate (core/batch-job-view.ts), and what it offers: Place for a
 * finished one, Cancel for a waiting one, Dismiss once nothing is left to place; then what placing left to say (gone
 * sources, with their images offered anyway, and failed requests with their error).
 */
import { goneLine, jobActions, jobCostLine, jobStateLine, layerLabel } from '../../core/batch-job-view.js';
import type { BatchJobView } from '../../core/batch-schema.js';
import type { AppError } from '../../core/errors.js';
import type { JobOutcome } from '../batch-jobs-state.js';
import { formatCost } from '../format.js';

export interface BatchJobsCardProps {
  jobs: readonly BatchJobView[];
  outcomes: ReadonlyMap<string, JobOutcome>;
  dismissed: ReadonlySet<string>;
  checking: boolean;
  error: AppError | null;
  /** The job a Place or Cancel is working on. */
  busy: string | null;
  nowMs: number;
  onCheck(): void;
  onPlace(jobId: string, anyway: boolean): void;
  onCancel(jobId: string): void;
  onDismiss(jobId: string): void;
}

export function BatchJobsCard(props: BatchJobsCardProps) {
  const shown = props.jobs.filter((job) => !props.dismissed.has(job.id));
  if (shown.length === 0 && !props.error) return null;
  return (
    <section class="card batch-jobs" aria-label="Half-price jobs">
      <p class="batch-jobs-head">
        <strong>Half-price jobs</strong>
        <button type="button" class="link" disabled={props.checking} onClick={() => props.onCheck()}>
          {props.checking ? 'Checking…' : 'Check now'}
        </button>
      </p>
      {props.error && (
        <p class="muted" role="alert">
          Could not list the jobs: {props.error.message}
        </p>
      )}
      <ul class="batch-job-list">
        {shown.map((job) => (
          <JobRow key={job.id} job={job} outcome={props.outcomes.get(job.id) ?? null} {...props} />
        ))}
      </ul>
    </section>
  );
}

function JobRow({ job, outcome, ...props }: BatchJobsCardProps & { job: BatchJobView; outcome: JobOutcome | null }) {
  const actions = jobActions(job);
  const busy = props.busy !== null;
  const working = props.busy === job.id;
  return (
    <li class="batch-job" data-job={job.id} data-state={job.state}>
      <p>
        {jobStateLine(job, props.nowMs)} <span class="muted cost">· {jobCostLine(job, formatCost)}</span>
      </p>
      <p class="actions">
        {actions.place > 0 && (
          <button type="button" disabled={busy} onClick={() => props.onPlace(job.id, false)}>
            {working ? 'Placing…' : `Place ${actions.place} ${actions.place === 1 ? 'result' : 'results'}`}
          </button>
        )}
        {actions.cancel && (
          <button type="button" disabled={busy} onClick={() => props.onCancel(job.id)}>
            {working ? 'Cancelling…' : 'Cancel job'}
          </button>
        )}
        {actions.place === 0 && job.counts.failed > 0 && !outcome && (
          <button type="button" class="link" disabled={busy} onClick={() => props.onPlace(job.id, false)}>
            See why {job.counts.failed} failed
          </button>
        )}
        {actions.dismiss && (
          <button type="button" class="link" onClick={() => props.onDismiss(job.id)}>
            Dismiss
          </button>
        )}
      </p>
      {outcome && <OutcomeLines job={job} outcome={outcome} busy={busy} onPlace={props.onPlace} />}
    </li>
  );
}

function OutcomeLines(props: {
  job: BatchJobView;
  outcome: JobOutcome;
  busy: boolean;
  onPlace(jobId: string, anyway: boolean): void;
}) {
  const { outcome, job } = props;
  const gone = outcome.gone.map((g) => layerLabel(g.layerId, outcome.names));
  return (
    <div class="batch-job-outcome" role="status">
      {outcome.placed > 0 && (
        <p>
          Placed {outcome.placed} beside {outcome.placed === 1 ? 'its frame' : 'their frames'}; each is one undo step.
        </p>
      )}
      {gone.length > 0 && (
        <p class="gone">
          {goneLine(gone)}.{' '}
          <button type="button" class="link" disabled={props.busy} onClick={() => props.onPlace(job.id, true)}>
            Place {gone.length === 1 ? 'its image' : 'their images'} anyway
          </button>
        </p>
      )}
      {outcome.failed.length > 0 && (
        <ul class="batch-job-failed" aria-label="Failed requests">
          {outcome.failed.map((f) => (
            <li key={f.index}>
              {capitalised(layerLabel(f.layerId, outcome.names))}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {outcome.note && <p class="muted">{outcome.note}</p>}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
