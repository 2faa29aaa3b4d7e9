/**
 * One turn in the History view: its thumbnail, prompt and what it cost, who made it and when. The row selects
 * the turn's layer on the canvas; "Continue from here" makes the next prompt continue (or branch from) it.
 */
import type { HistoryRow } from '../../core/history-graph.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { formatCost, formatWhen, shortModelName } from '../format.js';

/** Indentation levels drawn; deeper branches line up with the last one. */
const MAX_LEVEL = 4;

export interface HistoryRowProps {
  row: HistoryRow;
  /** Generation of the turn a branch came from, for its "branch of turn N" label. */
  branchOfGeneration: number | null;
  /** The turn's thumbnail (a data URL), once loaded. */
  thumbnail: string | undefined;
  /** The proxy's registry, for the model's short name. */
  models: readonly PublicModel[];
  /** Selects a layer on the canvas. */
  onSelectLayer(nodeId: string): void;
  /** "Continue from here". */
  onContinueFrom(nodeId: string): void;
}

/** A turn's cost for a row: `$0.051`, or `cached` when the proxy's cache answered for free. */
function rowCost(usage: { costUsd: number; cached?: boolean | undefined }): string {
  return usage.cached ? 'cached · $0' : formatCost(usage.costUsd);
}

/**
 * What went with a turn besides its base (region, references), from its record: `Region · with subject, style`. A pinned
 * subject is recorded in every turn's inputs, so each of its turns says so.
 */
function inputsLine(record: HistoryRow['turn']['record']): string | null {
  const roles = record.inputs.map((i) => i.role).filter((role) => role !== 'base' && role !== 'scene');
  const parts = [
    ...(record.region ? ['Region'] : []),
    ...(roles.length > 0 ? [`with ${[...new Set(roles)].join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function HistoryRowItem(props: HistoryRowProps) {
  const { row, branchOfGeneration, thumbnail: src } = props;
  const { turn, generation, level, current, onPath } = row;
  const { record } = turn;
  // Two short lines rather than one that wraps anywhere: what made it and what it cost, then who and when.
  const made = `${shortModelName(record.model, props.models)} · ${rowCost(record.usage)}`;
  const who = [record.author?.name, formatWhen(record.createdAt, new Date())].filter(Boolean).join(' · ');
  const branch = row.branchOfSource
    ? 'Branch from the source'
    : branchOfGeneration !== null
      ? `Branch from turn ${branchOfGeneration}`
      : row.missingParent
        ? 'Earlier turns are not on this page'
        : null;
  const inputs = inputsLine(record);
  const classes = ['turn', current ? 'current' : '', onPath ? 'on-path' : 'off-path', level > 0 ? 'branch' : ''];
  return (
    <li class={classes.filter(Boolean).join(' ')} style={{ '--level': Math.min(level, MAX_LEVEL) }}>
      <button
        type="button"
        class="turn-main"
        aria-current={current ? 'true' : undefined}
        title="Select this layer on the canvas"
        onClick={() => props.onSelectLayer(turn.nodeId)}
      >
        <span class="turn-thumb" aria-hidden="true">
          {src ? <img src={src} alt="" /> : null}
        </span>
        <span class="turn-text">
          <span class="turn-prompt">
            <span class="turn-number">{generation}</span>
            {record.prompt}
          </span>
          {branch && <span class="turn-branch">↳ {branch}</span>}
          <span class="turn-meta">{made}</span>
          {inputs && <span class="turn-meta turn-inputs">{inputs}</span>}
          {who && <span class="turn-meta">{who}</span>}
          {turn.copies.length > 0 && (
            <span class="turn-meta">
              {turn.copies.length === 1 ? '1 copy' : `${turn.copies.length} copies`} on this page
            </span>
          )}
        </span>
      </button>
      <button
        type="button"
        class="link turn-continue"
        aria-label={`Continue from here: turn ${generation}, ${record.prompt.slice(0, 80)}`}
        onClick={() => props.onContinueFrom(turn.nodeId)}
      >
        Continue from here
      </button>
    </li>
  );
}
