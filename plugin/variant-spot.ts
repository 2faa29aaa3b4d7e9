/**
 * Where one result of a batch of variants goes (docs/architecture.md#variants-and-component-sets: "placed side by side
 * in a row beside the source"). The first result of a batch to arrive reserves a row for the whole batch
 * (`variantSpots`: beside the source when the row of N is clear, else below it; for text-to-image, centred on the view)
 * and takes its first spot; each later one goes right of the batch's rightmost result, at the first clear x. The
 * batch's results are found by the `variant.batch` id in their turn records, so no state is kept between messages.
 * Results take spots in the order they arrive, so a variant that fails leaves no hole in the row, and each is named by
 * its place in the row (`position`): "variant 1" is the leftmost.
 *
 * Synchronous on purpose: the sandbox handles one message's synchronous part at a time, so two results of one
 * batch arriving together never pick the same spot.
 */
import type { Rect } from '../core/aspect.js';
import { firstFreeX } from '../core/placement.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnVariant } from '../core/turn-record.js';
import { variantSpots } from '../core/variant-layout.js';
import { isVisibleIn, type FreeContainer, type PlacementCandidate } from './placement-anchor.js';

/** A place for one variant: in `parent`, just above `after` in z-order (or on top without it), at (x, y). */
export interface VariantSpot {
  parent: FreeContainer;
  after: SceneNode | null;
  x: number;
  y: number;
  /** The batch's results already on the page, in page order. */
  members: SceneNode[];
  /**
   * Its place in the batch's row, 1 for the leftmost: one more than the results already placed, since each takes the
   * next spot to the right. Its name's number, so names read 1, 2, 3 left to right whichever variants failed or
   * came first.
   */
  position: number;
}

/** The spot for `frame` (not yet placed), of `size`, the result of `variant` of an edit of `source` or of nothing. */
export function variantSpot(
  page: PageNode,
  frame: SceneNode,
  size: { width: number; height: number },
  variant: TurnVariant,
  candidates: readonly PlacementCandidate[],
  centre: { x: number; y: number },
): VariantSpot {
  const members = batchMembers(page, variant.batch, frame.id);
  const position = members.length + 1;
  const last = rightmost(members);
  if (last && isFreeContainer(last.parent)) {
    const parent = last.parent;
    const siblings = parent.children.filter((child) => child.id !== frame.id).map(rectOf);
    return { parent, after: last, x: firstFreeX(rectOf(last), siblings, size), y: last.y, members, position };
  }
  let spot: VariantSpot | null = null;
  for (const { anchor, parent } of candidates) {
    const siblings = parent.children.filter((child) => child.id !== anchor.id && child.id !== frame.id);
    const row = variantSpots(variant.count, size, rectOf(anchor), siblings.map(rectOf));
    spot = { parent, after: anchor, x: row[0]!.x, y: row[0]!.y, members, position };
    if (row.every((p) => isVisibleIn(parent, p.x, p.y, size.width, size.height))) return spot;
  }
  // placementCandidates ends with the page, which never clips; without a source the row is centred on the view.
  if (spot) return spot;
  const obstacles = page.children.filter((child) => child.id !== frame.id).map(rectOf);
  const first = variantSpots(variant.count, size, null, obstacles, centre)[0]!;
  return { parent: page, after: null, x: first.x, y: first.y, members, position };
}

/** The layers whose own record (not a copy's) belongs to `batch`, in page order. */
function batchMembers(page: PageNode, batch: string, exceptId: string): SceneNode[] {
  return page.findAllWithCriteria({ pluginData: { keys: [TURN_RECORD_KEY] } }).filter((node) => {
    if (node.id === exceptId) return false;
    const parsed = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
    const record = parsed.ok ? parsed.value : null;
    return record !== null && record.originNodeId === node.id && record.variant?.batch === batch;
  });
}

function rightmost(nodes: readonly SceneNode[]): SceneNode | null {
  let found: SceneNode | null = null;
  for (const node of nodes) if (!found || node.x + node.width > found.x + found.width) found = node;
  return found;
}

function rectOf(node: SceneNode): Rect {
  return { x: node.x, y: node.y, width: node.width, height: node.height };
}

function isFreeContainer(node: BaseNode | null): node is FreeContainer {
  if (!node) return false;
  if (node.type === 'PAGE' || node.type === 'SECTION') return true;
  return (
    node.type === 'FRAME' && (!('layoutMode' in node) || node.layoutMode === undefined || node.layoutMode === 'NONE')
  );
}

/**
 * A variant's layer name: `Poster — warmer light · variant 2`, numbered by its `position` in the row (its spot's
 * {@link VariantSpot.position}), not by its request's index; a single result keeps its name.
 */
export function variantLayerName(name: string, variant: TurnVariant | undefined, position: number): string {
  return variant && variant.count > 1 ? `${name} · variant ${position}` : name;
}
