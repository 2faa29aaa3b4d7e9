/**
 * Placing a finished half-price job's results (docs/batch-jobs.md#placing): each image goes beside its source layer
 * exactly as a single edit's does (PLACE_RESULT: a new layer with its own turn record, one undo step per result, so
 * ⌘Z takes them back one by one and never takes the designer's own edits made in between), and only then is it marked
 * placed at the proxy, which frees it: a paid answer is never thrown away. The file's note of the job
 * (ui/actions/batch-jobs-note.ts) gives the prompt and the sources' names. A result whose source is gone is kept and
 * offered, to place anyway where the source was.
 */
import { base64ToBytes } from '../../core/base64.js';
import { batchTurnDraft, planPlacing, type PlacePlan } from '../../core/batch-job-view.js';
import type { BatchJobView } from '../../core/batch-schema.js';
import { appError, type AppError } from '../../core/errors.js';
import { fail, type Result } from '../../core/result.js';
import type { PlacedResult } from '../../core/messages.js';
import type { BatchNote } from '../../core/batch-note.js';
import type { BatchClient } from '../batch-client.js';
import type { JobOutcome } from '../batch-jobs-state.js';
import { readBatchNoteAsync } from './batch-jobs-note.js';
import type { AppDeps } from './deps.js';

export interface PlaceJobOptions {
  /** Place the results whose source is gone too, at the free space nearest the view's centre. */
  anyway: boolean;
  /** Results placed whose mark at the proxy was not answered, by job (kept across calls: never placed twice). */
  unmarked: Map<string, Set<number>>;
}

/** Reads the job's results, places those not placed yet, and marks the placed ones at the proxy. */
export async function placeJobResultsAsync(
  deps: AppDeps,
  client: BatchClient,
  jobId: string,
  options: PlaceJobOptions,
): Promise<JobOutcome> {
  const read = await client.getBatchAsync(jobId);
  if (!read.ok) return noteOnly(`Not placed: ${read.error.message}`);
  const fileNote = await readBatchNoteAsync(deps, jobId);
  const done = options.unmarked.get(jobId) ?? new Set<number>();
  options.unmarked.set(jobId, done);
  const plan = planPlacing(read.value.results, done);
  const names = Object.fromEntries(Object.entries(fileNote?.layers ?? {}).map(([id, layer]) => [id, layer.name]));
  const outcome: JobOutcome = { placed: 0, gone: [], failed: plan.failed, names, note: null };
  const problems: AppError[] = [];
  for (const result of plan.toPlace) {
    const placed = await placeOneAsync(deps, read.value.job, result, { anyway: options.anyway, fileNote });
    if (placed.ok) {
      done.add(result.index);
      outcome.placed++;
    } else if (placed.error.code === 'stale_node') outcome.gone.push({ index: result.index, layerId: result.layerId });
    else problems.push(placed.error);
  }
  const marked = await markAsync(client, jobId, done);
  outcome.note = [problems[0] ? `Some could not be placed: ${problems[0].message}` : null, marked]
    .filter(Boolean)
    .join(' ');
  if (outcome.note === '') outcome.note = null;
  return outcome;
}

/**
 * One result beside its source. With `anyway`, a gone source's result goes where the source was at submission, named
 * after it, when the file's note knows (as a single edit's result does when its source is deleted meanwhile:
 * plugin/find-source.ts); else, or when the source is on another page, at the free space nearest the view's centre.
 */
async function placeOneAsync(
  deps: AppDeps,
  job: BatchJobView,
  result: PlacePlan['toPlace'][number],
  { anyway, fileNote }: { anyway: boolean; fileNote: BatchNote | null },
): Promise<Result<PlacedResult>> {
  let image: Uint8Array;
  try {
    image = base64ToBytes(result.image.data);
  } catch {
    return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Check again later.'));
  }
  const turn = batchTurnDraft(job, result, fileNote?.prompt);
  // The page's history changes with this result: the next turn reads it again.
  deps.state.historyCurrent.value = false;
  const sourceNodeId = result.layerId;
  const placed = await deps.bridge.request('PLACE_RESULT', { image, sourceNodeId, turn });
  if (placed.ok || !anyway || placed.error.code !== 'stale_node') return placed;
  const pressedSource = fileNote?.layers[sourceNodeId];
  if (pressedSource) {
    const where = await deps.bridge.request('PLACE_RESULT', { image, sourceNodeId, turn, pressedSource });
    if (where.ok || where.error.code !== 'stale_node') return where;
  }
  return deps.bridge.request('PLACE_RESULT', { image, sourceNodeId: null, turn });
}

/** Marks what is on the canvas as placed; what the proxy did not take stays known here, and is marked next time. */
async function markAsync(client: BatchClient, jobId: string, done: Set<number>): Promise<string | null> {
  if (done.size === 0) return null;
  const marked = await client.markPlacedAsync(jobId, [...done]);
  if (marked.ok) {
    done.clear();
    return null;
  }
  return (
    `The images are on the canvas, but the proxy was not told (${marked.error.message}). ` +
    'Press Place again while this panel is open to tell it; nothing is placed twice.'
  );
}

function noteOnly(note: string): JobOutcome {
  return { placed: 0, gone: [], failed: [], names: {}, note };
}
