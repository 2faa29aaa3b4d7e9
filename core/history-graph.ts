/**
 * The turn-history graph (docs/architecture.md#the-history-graph), built from the records found on result layers of one
 * page. Pure: the sandbox reads the layers, the panel and the placement logic ask questions of the graph.
 *
 * Duplicates: Figma copies plugin data with a layer (docs/figma-platform.md#duplicates-carry-plugin-data), so a
 * duplicated result carries the same record, with an `originNodeId` that is not its own id. A copy is not a new turn:
 * it stands for the same turn and is listed under it as a copy. The layer the record was written on stands for the turn
 * while it exists; when it has been deleted, the first copy on the page stands in. Continuing from a copy continues
 * that turn (a new child of it) from the copy's own pixels. Nothing is ever written back to a copy.
 *
 * Damaged, cyclic or half-missing data never throws: a record that cannot be read is listed as damaged, a parent
 * that is not on the page ends the chain with `missing`, and a cycle (only possible in hand-edited data) is cut.
 */
import type { TurnRecord } from './turn-record.js';

/** A result layer as found on the page: its record, or why it could not be read. */
export type HistoryEntry =
  { nodeId: string; name: string; record: TurnRecord } | { nodeId: string; name: string; damaged: string };

/** One turn of the graph. */
export interface HistoryTurn {
  id: string;
  record: TurnRecord;
  /** The layer that stands for the turn: the one the record was written on, else its first copy. */
  nodeId: string;
  name: string;
  /** The layer the record was written on is gone; a copy stands for the turn. */
  fromCopy: boolean;
  /** Other layers carrying the same turn (duplicates), in page order. */
  copies: string[];
  /** Turns that continued this one, oldest first. */
  children: string[];
}

/** The turns of one page. */
export interface HistoryGraph {
  turns: ReadonlyMap<string, HistoryTurn>;
  /** The turn each result layer carries, copies included. */
  turnByNode: ReadonlyMap<string, string>;
  /** Layers whose record could not be read, with the reason. */
  damaged: ReadonlyMap<string, { name: string; message: string }>;
}

/** Builds the graph from the layers of a page, in page order. */
export function buildHistoryGraph(entries: readonly HistoryEntry[]): HistoryGraph {
  const turns = new Map<string, HistoryTurn>();
  const turnByNode = new Map<string, string>();
  const damaged = new Map<string, { name: string; message: string }>();
  for (const entry of entries) {
    if (!('record' in entry)) {
      damaged.set(entry.nodeId, { name: entry.name, message: entry.damaged });
      continue;
    }
    const { record, nodeId, name } = entry;
    turnByNode.set(nodeId, record.id);
    const original = record.originNodeId === nodeId;
    const known = turns.get(record.id);
    if (!known) {
      turns.set(record.id, { id: record.id, record, nodeId, name, fromCopy: !original, copies: [], children: [] });
    } else if (original && known.fromCopy) {
      // The original layer comes later in page order than a copy: it stands for the turn, the copy is listed.
      turns.set(record.id, {
        ...known,
        record,
        nodeId,
        name,
        fromCopy: false,
        copies: [known.nodeId, ...known.copies],
      });
    } else {
      known.copies.push(nodeId);
    }
  }
  for (const turn of turns.values()) {
    const parent = turn.record.parentId === null ? undefined : turns.get(turn.record.parentId);
    if (parent && parent !== turn) parent.children.push(turn.id);
  }
  for (const turn of turns.values()) turn.children.sort((a, b) => compareTurns(turns.get(a)!, turns.get(b)!));
  return { turns, turnByNode, damaged };
}

/** The turn a layer carries, or null (no record, or a damaged one). */
export function turnOfNode(graph: HistoryGraph, nodeId: string): HistoryTurn | null {
  const id = graph.turnByNode.get(nodeId);
  return id === undefined ? null : (graph.turns.get(id) ?? null);
}

/** A turn's ancestry, oldest first. */
export interface HistoryChain {
  /** From the oldest turn found to the turn asked for (inclusive). */
  turns: HistoryTurn[];
  /** The oldest turn found has a parent that is not on this page (deleted, or in another file). */
  missing: boolean;
}

/** The chain of parents from `turnId` back to the first turn, oldest first; empty for an unknown turn. */
export function chainOf(graph: HistoryGraph, turnId: string): HistoryChain {
  const turns: HistoryTurn[] = [];
  const seen = new Set<string>();
  let id: string | null = turnId;
  while (id !== null) {
    const turn = graph.turns.get(id);
    if (!turn) return { turns: turns.reverse(), missing: turns.length > 0 };
    if (seen.has(id)) break; // a cycle in hand-edited data: stop where it closes
    seen.add(id);
    turns.push(turn);
    id = turn.record.parentId;
  }
  return { turns: turns.reverse(), missing: false };
}

/** One line of the History view: a turn, how far it is indented, and how it relates to the turn asked for. */
export interface HistoryRow {
  turn: HistoryTurn;
  /** 1 for a first turn; the number of turns in its chain (known or not) otherwise. */
  generation: number;
  /** 0 on the line the history started on; one more for each branch taken to reach this turn. */
  level: number;
  /** The turn this one branched from, when it is not its parent's first continuation. */
  branchOf: string | null;
  /** A first turn made from the same source as an earlier one: a branch of the source itself. */
  branchOfSource: boolean;
  /** Its parent is not on this page: the line starts here. */
  missingParent: boolean;
  /** On the chain from the first turn to the turn asked for. */
  onPath: boolean;
  /** The turn asked for. */
  current: boolean;
}

/** What the History view is about: a result layer's turn, or a plain layer results were made from. */
export type HistoryFocus = { turnId: string } | { sourceNodeId: string };

/** The rows of the History view, and the source layer they all come from when there is one. */
export interface HistoryRows {
  /** The layer the first turns were made from (not a result), or null for text-to-image or a broken chain. */
  sourceNodeId: string | null;
  rows: HistoryRow[];
}

/**
 * The history around `focus`, as rows of a tree: its conversation (every turn with the same root), and, when that
 * conversation started from a layer, every other conversation started from the same layer, since each is a branch
 * of that source on the canvas too. Depth first, oldest first. A parent's first continuation stays on its line;
 * each later one (a branch) is indented one more level and follows the whole first line, so the rows read top to
 * bottom in the order things were tried. Turns cut off by a missing parent start a line of their own.
 */
export function historyRows(graph: HistoryGraph, focus: HistoryFocus): HistoryRows {
  const currentId = 'turnId' in focus ? focus.turnId : null;
  const current = currentId === null ? null : graph.turns.get(currentId);
  if (currentId !== null && !current) return { sourceNodeId: null, rows: [] };
  const chain = current ? chainOf(graph, current.id) : null;
  const first = chain?.turns[0];
  const sourceNodeId =
    'sourceNodeId' in focus
      ? focus.sourceNodeId
      : first && !chain.missing && first.record.parentId === null
        ? first.record.sourceNodeId
        : null;
  const path = new Set(chain?.turns.map((t) => t.id) ?? []);
  const all = [...graph.turns.values()].sort(compareTurns);
  const fromSource =
    sourceNodeId === null
      ? []
      : all.filter((t) => t.record.parentId === null && t.record.sourceNodeId === sourceNodeId);
  const roots = new Set([...fromSource.map((t) => t.record.rootId), ...(current ? [current.record.rootId] : [])]);
  const members = all.filter((t) => roots.has(t.record.rootId));
  const memberIds = new Set(members.map((t) => t.id));
  const fragments = members.filter(
    (t) => t.record.parentId !== null && !memberIds.has(t.record.parentId) && !fromSource.includes(t),
  );
  const ownStart = current && !fromSource.some((t) => t.record.rootId === current.record.rootId) ? first : undefined;

  const rows: HistoryRow[] = [];
  const visited = new Set<string>();
  const visit = (turn: HistoryTurn, level: number, branchOf: string | null, branchOfSource: boolean): void => {
    if (visited.has(turn.id)) return;
    visited.add(turn.id);
    const own = chainOf(graph, turn.id);
    const parentId = turn.record.parentId;
    rows.push({
      turn,
      generation: own.turns.length + (own.missing ? 1 : 0),
      level,
      branchOf,
      branchOfSource,
      missingParent: parentId !== null && !graph.turns.has(parentId),
      onPath: path.has(turn.id),
      current: turn.id === currentId,
    });
    const [next, ...branches] = turn.children.map((id) => graph.turns.get(id)!);
    if (next) visit(next, level, null, false);
    for (const branch of branches) visit(branch, level + 1, turn.id, false);
  };
  fromSource.forEach((turn, i) => visit(turn, i === 0 ? 0 : 1, null, i > 0));
  if (ownStart) visit(ownStart, 0, null, false);
  for (const turn of fragments) visit(turn, 0, null, false);
  // A cycle in hand-edited data has no start; show what is left of it rather than nothing.
  for (const turn of members) visit(turn, 0, null, false);
  return { sourceNodeId, rows };
}

/**
 * The result layers that continue layer `nodeId` and everything that continues them, found through the records'
 * `sourceNodeId`: what a new result beside `nodeId` must be placed clear of. Only layers a record was written on
 * count: a duplicate sits wherever the person put it, and is not part of the layout. `direct` are the layer's own
 * continuations (its branches), `all` adds their descendants.
 */
export function continuationsOf(entries: readonly HistoryEntry[], nodeId: string): { direct: string[]; all: string[] } {
  const bySource = new Map<string, string[]>();
  for (const entry of entries) {
    if (!('record' in entry) || entry.record.originNodeId !== entry.nodeId) continue;
    const source = entry.record.sourceNodeId;
    if (source === null) continue;
    bySource.set(source, [...(bySource.get(source) ?? []), entry.nodeId]);
  }
  const direct = (bySource.get(nodeId) ?? []).filter((id) => id !== nodeId);
  const all: string[] = [];
  const seen = new Set<string>([nodeId]);
  const queue = [...direct];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    all.push(id);
    queue.push(...(bySource.get(id) ?? []));
  }
  return { direct, all };
}

/** Oldest first; ids break ties so the order never depends on page order alone. */
function compareTurns(a: HistoryTurn, b: HistoryTurn): number {
  if (a.record.createdAt !== b.record.createdAt) return a.record.createdAt < b.record.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
