/**
 * Puts one result on the canvas (docs/architecture.md#turns-history-and-branching): a new frame with the image as its
 * FILL, beside the source at the source's size, or at the viewport centre at the image's size for text-to-image. When
 * the source is itself a result (or a copy of one), the new turn continues its turn: the record's parent is the
 * source's turn, and the frame goes right of the source for its first continuation, below the earlier ones for a
 * branch. It carries its turn record and a relaunch button, becomes the selection, and closes one undo step, so ⌘Z
 * removes exactly this result and its record. The source is never touched, and a failure at any step leaves the canvas
 * as it was.
 *
 * One of N variants (the turn has `variant`) goes in its batch's row instead (plugin/variant-spot.ts), and the batch's
 * results placed so far become the selection. Each variant is still its own undo step, committed as it arrives: results
 * come in seconds apart while the designer may go on working, and one step per result means ⌘Z never takes the
 * designer's own edits made in between along with a variant, and removes the variants one by one.
 */
import { appError, type AppError } from '../core/errors.js';
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { buildHistoryGraph, chainOf, continuationsOf, type HistoryEntry } from '../core/history-graph.js';
import { continuedName, resultName } from '../core/naming.js';
import type { Rect } from '../core/aspect.js';
import { freeSpotNear } from '../core/free-spot-near.js';
import { branchSpot } from '../core/placement.js';
import { pointSizeOf } from '../core/point-size.js';
import { selectionStillPressed } from '../core/pressed-selection.js';
import { toolLabel } from '../core/tool-label.js';
import { fail, ok, type Result } from '../core/result.js';
import {
  buildTurnRecord,
  parseTurnRecord,
  serializeTurnRecord,
  TURN_RECORD_KEY,
  type TurnDraft,
  type TurnRecord,
} from '../core/turn-record.js';
import { checkImageForFigma } from './export-png.js';
import { findSourceAsync } from './find-source.js';
import type { HandlerContext } from './handler-context.js';
import type { SandboxFigma } from './sandbox-figma.js';
import { isVisibleIn, placementCandidates, type PlacementCandidate } from './placement-anchor.js';
import { relaunchData } from './relaunch.js';
import { variantLayerName, variantSpot, type VariantSpot } from './variant-spot.js';

/** Places the result of a PLACE_RESULT message. */
export async function placeResultAsync(
  context: HandlerContext,
  message: UiMessageOf<'PLACE_RESULT'>,
): Promise<Result<PlacedResult>> {
  const { figma } = context;
  const header = checkImageForFigma(message.image);
  if (!header.ok) return header;

  const found = await findSourceAsync(figma, message);
  if (!found.ok) return found;
  const source = found.value.kind === 'layer' ? found.value.node : null;
  const deleted = found.value.kind === 'deleted' ? found.value.pressed : null;
  const read = source ? readPlacementContext(context, source) : null;
  if (read && !read.ok) return read;
  const where = read?.value ?? null;

  const image = createImageOrError(figma, message.image);
  if (!image.ok) return image;

  // An edit keeps its source's size in points; text-to-image is the answer's 1K equivalent (core/point-size.ts).
  const size = message.size ?? source ?? deleted?.box ?? pointSizeOf(header.value, message.turn.params.imageSize);
  const frame = figma.createFrame();
  try {
    frame.resize(size.width, size.height);
    frame.fills = [{ type: 'IMAGE', imageHash: image.value.hash, scaleMode: 'FILL' }];
    const batchSpot = putInPlace(figma, frame, size, message.turn, where, deleted?.box);
    frame.name = resultLayerName(source, message.turn, batchSpot, deleted?.name);
    return stampResult(context, frame, message, image.value, where, batchSpot);
  } catch (thrown) {
    // Only ever remove the frame we made in this call.
    if (!frame.removed) frame.remove();
    throw thrown;
  }
}

/** What of a placing message the record and the selection need (PLACE_RESULT, ADJUST_IMAGE). */
export type StampedRequest = Pick<UiMessageOf<'PLACE_RESULT'>, 'turn' | 'pressedSelection'> &
  Partial<Pick<UiMessageOf<'PLACE_RESULT'>, 'sourceNodeId' | 'pressedSource'>>;

/** What a result continues and where it may go, read from the source before anything is created. */
export interface PlacementContext {
  source: SceneNode;
  candidates: readonly PlacementCandidate[];
  /** The source's own turn (the new turn's parent); a damaged record starts a new conversation. */
  parent: TurnRecord | null;
  entries: readonly HistoryEntry[];
}

/**
 * Reads the source's placement candidates and turn, with the page's history as the index holds it; a source no longer
 * on a page is stale.
 */
export function readPlacementContext(context: HandlerContext, source: SceneNode): Result<PlacementContext> {
  const candidates = placementCandidates(source);
  if (candidates.length === 0) return fail(appError('stale_node'));
  return ok({ source, candidates, parent: readTurn(source), entries: context.history.entries() });
}

/** `figma.createImage`, with Figma's refusal as a plain error. */
export function createImageOrError(figma: SandboxFigma, bytes: Uint8Array): Result<Image> {
  try {
    return ok(figma.createImage(bytes));
  } catch (thrown) {
    return fail(createImageError(thrown));
  }
}

/**
 * "<source> — <prompt>" (or its continuation), with the variant's place in its row when it is one of N (`batchSpot`,
 * known once it is placed); `deletedName` names a source deleted while Gemini worked.
 */
export function resultLayerName(
  source: SceneNode | null,
  turn: TurnDraft,
  batchSpot: VariantSpot | null,
  deletedName?: string,
): string {
  const sourceName = source && source.getPluginData(TURN_RECORD_KEY) !== '' ? continuedName(source.name) : source?.name;
  const name = resultName(sourceName ?? deletedName ?? null, turn.tool ? toolLabel(turn.tool) : turn.prompt);
  return variantLayerName(name, turn.variant, batchSpot?.position ?? 1);
}

/**
 * Inserts `node` where the result goes and positions it: one of N variants in its batch's row
 * (plugin/variant-spot.ts), a single result beside its source (right for a first continuation, below for a
 * branch), at `deletedBox` (a top-level frame where the source was) when the source was deleted meanwhile, or
 * for text-to-image on the free space nearest the view's centre (core/free-spot-near.ts), covering no layer. Returns
 * the batch's spot for a variant, else null.
 */
export function putInPlace(
  figma: SandboxFigma,
  node: SceneNode,
  size: { width: number; height: number },
  turn: TurnDraft,
  where: PlacementContext | null,
  deletedBox?: Rect,
): VariantSpot | null {
  const candidates = where?.candidates ?? [];
  const centre = deletedBox ? centreOf(deletedBox) : figma.viewport.center;
  const batchSpot = turn.variant ? variantSpot(figma.currentPage, node, size, turn.variant, candidates, centre) : null;
  if (batchSpot) {
    const after = batchSpot.after;
    const index = after ? batchSpot.parent.children.findIndex((child) => child.id === after.id) : -1;
    if (index >= 0) batchSpot.parent.insertChild(index + 1, node);
    else batchSpot.parent.appendChild(node);
    node.x = batchSpot.x;
    node.y = batchSpot.y;
  } else if (where) {
    const spot = chooseSpot(candidates, node, size, continuationsOf(where.entries, where.source.id));
    const index = spot.parent.children.findIndex((child) => child.id === spot.anchor.id);
    spot.parent.insertChild(index + 1, node);
    node.x = spot.x;
    node.y = spot.y;
  } else if (deletedBox) {
    node.x = deletedBox.x;
    node.y = deletedBox.y;
  } else {
    const page = figma.currentPage;
    const obstacles = page.children.filter((child) => child.id !== node.id).map(boxOf);
    const { x, y } = freeSpotNear(figma.viewport.center, size, obstacles);
    node.x = x;
    node.y = y;
  }
  return batchSpot;
}

/**
 * Finishes a placed result: its turn record and relaunch button, the selection (a batch's results together, ready
 * for "Make component set") and the scroll, but only while the selection is as Generate left it
 * (core/pressed-selection.ts), and one undo step. A record that cannot be written removes the node.
 */
export function stampResult(
  context: HandlerContext,
  node: SceneNode,
  message: StampedRequest,
  image: Pick<Image, 'hash'>,
  where: PlacementContext | null,
  batchSpot: VariantSpot | null,
  provenance?: TurnRecord['provenance'],
): Result<PlacedResult> {
  const { figma } = context;
  const { turn } = message;
  const parent = where?.parent ?? null;
  const user = figma.currentUser;
  const deleted = where === null && message.sourceNodeId !== null ? (message.pressedSource ?? null) : null;
  const record = buildTurnRecord(turn, {
    id: context.newId(),
    parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
    sourceNodeId: where?.source.id ?? (deleted ? (message.sourceNodeId ?? null) : null),
    originNodeId: node.id,
    resultHash: image.hash,
    provenance,
    author: user && user.id ? { id: user.id, name: user.name } : null,
    createdAt: context.now().toISOString(),
  });
  const text = serializeTurnRecord(record);
  if (!text.ok) {
    node.remove();
    return text;
  }
  node.setPluginData(TURN_RECORD_KEY, text.value);
  context.history.invalidate();
  node.setRelaunchData(relaunchData(record, turnNumber(where?.entries ?? [], parent)));
  const members = batchSpot?.members ?? [];
  const current = figma.currentPage.selection.map((n) => n.id);
  const placedIds = members.map((n) => n.id);
  if (selectionStillPressed(current, message.pressedSelection, placedIds)) {
    const shown = [...members, node];
    figma.currentPage.selection = shown;
    figma.viewport.scrollAndZoomIntoView(shown);
  }
  figma.commitUndo();
  const { id: nodeId, name, x, y, width, height } = node;
  return ok({
    nodeId,
    name,
    x,
    y,
    width,
    height,
    record,
    ...(deleted ? { sourceDeleted: { name: deleted.name } } : {}),
  });
}

/** The turn a layer carries, or null when it has none or it cannot be read. */
export function readTurn(node: SceneNode): TurnRecord | null {
  const parsed = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
  return parsed.ok ? parsed.value : null;
}

/** The new turn's place in its chain: 1 for a first turn, one more than its parent's otherwise. */
export function turnNumber(entries: readonly HistoryEntry[], parent: TurnRecord | null): number {
  if (!parent) return 1;
  const chain = chainOf(buildHistoryGraph(entries), parent.id);
  return Math.max(1, chain.turns.length + (chain.missing ? 1 : 0)) + 1;
}

/**
 * The innermost candidate where the result is visible, with its position (the page always qualifies): right of
 * the anchor for the source's first continuation, below the earlier ones for a branch, clear of other layers.
 */
export function chooseSpot(
  candidates: readonly PlacementCandidate[],
  frame: SceneNode,
  size: { width: number; height: number },
  continuations: { direct: readonly string[]; all: readonly string[] },
): PlacementCandidate & { x: number; y: number } {
  const direct = new Set(continuations.direct);
  const all = new Set(continuations.all);
  let spot: (PlacementCandidate & { x: number; y: number }) | null = null;
  for (const candidate of candidates) {
    const { anchor, parent } = candidate;
    const siblings = parent.children.filter((child) => child.id !== anchor.id && child.id !== frame.id);
    const branches = siblings.filter((child) => direct.has(child.id));
    const subtree = siblings.filter((child) => all.has(child.id));
    spot = { ...candidate, ...branchSpot(anchor, size, branches, subtree, siblings) };
    if (isVisibleIn(parent, spot.x, spot.y, size.width, size.height)) return spot;
  }
  // placementCandidates always ends with the page, which never clips; this only satisfies the type checker.
  if (!spot) throw new Error('no place for the result');
  return spot;
}

/** A layer's box on the page: its absoluteBoundingBox (rotation included), or its own box without one. */
function boxOf(node: SceneNode): Rect {
  const box = node.absoluteBoundingBox;
  return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : node;
}

function centreOf(box: Rect): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Figma's refusal of an image, as one of our errors. */
export function createImageError(thrown: unknown): AppError {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  // Figma says "Image is too large" past 4096 px (yuanqing/figma-plugins#19); anything else is a bad image.
  return /too large/i.test(detail) ? appError('image_too_large') : appError('unsupported_image');
}
