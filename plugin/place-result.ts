/**
 * Puts one result on the canvas (DESIGN.md §1, §4): a new frame with the image as its FILL, beside the source at
 * the source's size, or at the viewport centre at the image's size for text-to-image. When the source is itself a
 * result (or a copy of one), the new turn continues its turn: the record's parent is the source's turn, and the
 * frame goes right of the source for its first continuation, below the earlier ones for a branch. It carries its
 * turn record and a relaunch button, becomes the selection, and closes one undo step, so ⌘Z removes exactly this
 * result and its record. The source is never touched, and a failure at any step leaves the canvas as it was.
 *
 * One of N variants (the turn has `variant`) goes in its batch's row instead (plugin/variant-spot.ts), and the
 * batch's results placed so far become the selection. Each variant is still its own undo step, committed as it
 * arrives: results come in seconds apart while the designer may go on working, and one step per result means ⌘Z
 * never takes the designer's own edits made in between along with a variant, and removes the variants one by one.
 */
import { appError, type AppError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { buildHistoryGraph, chainOf, continuationsOf, type HistoryEntry } from '../core/history-graph.js';
import { continuedName, resultName } from '../core/naming.js';
import { branchSpot, centredAt } from '../core/placement.js';
import { fail, ok, type Result } from '../core/result.js';
import {
  buildTurnRecord,
  parseTurnRecord,
  serializeTurnRecord,
  TURN_RECORD_KEY,
  type TurnRecord,
} from '../core/turn-record.js';
import { findSceneNodeAsync } from './find-scene-node.js';
import type { HandlerContext } from './handler-context.js';
import { isVisibleIn, placementCandidates, type PlacementCandidate } from './placement-anchor.js';
import { readHistoryEntries } from './read-history.js';
import { relaunchData } from './relaunch.js';
import { variantLayerName, variantSpot } from './variant-spot.js';

/** Places the result of a PLACE_RESULT message. */
export async function placeResultAsync(
  context: HandlerContext,
  message: UiMessageOf<'PLACE_RESULT'>,
): Promise<Result<PlacedResult>> {
  const { figma } = context;
  // Check the bytes ourselves: the panel downscales, but createImage must never see more than 4096 a side.
  const header = readImageHeader(message.image);
  if (!header || header.mimeType === 'image/webp') return fail(appError('unsupported_image'));
  if (header.width > MAX_FIGMA_IMAGE_SIDE || header.height > MAX_FIGMA_IMAGE_SIDE) {
    return fail(
      appError(
        'image_too_large',
        `The result is ${header.width}×${header.height} px; Figma takes at most 4096 a side.`,
      ),
    );
  }

  let source: SceneNode | null = null;
  if (message.sourceNodeId !== null) {
    const found = await findSceneNodeAsync(figma, message.sourceNodeId);
    if (!found.ok) return found;
    source = found.value;
  }
  const candidates = source ? placementCandidates(source) : [];
  if (source && candidates.length === 0) return fail(appError('stale_node'));
  // The source's own record decides the parent, not the panel: a damaged one starts a new conversation.
  const parent = source ? readTurn(source) : null;
  const entries = source ? readHistoryEntries(figma.currentPage) : [];

  let image: Image;
  try {
    image = figma.createImage(message.image);
  } catch (thrown) {
    return fail(createImageError(thrown));
  }

  const width = source ? source.width : header.width;
  const height = source ? source.height : header.height;
  const sourceName = source && source.getPluginData(TURN_RECORD_KEY) !== '' ? continuedName(source.name) : source?.name;
  const name = variantLayerName(resultName(sourceName ?? null, message.turn.prompt), message.turn.variant);
  const frame = figma.createFrame();
  try {
    frame.name = name;
    frame.resize(width, height);
    frame.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
    // One of N variants goes in its batch's row (plugin/variant-spot.ts); a single result as before.
    const { variant } = message.turn;
    const batchSpot = variant
      ? variantSpot(figma.currentPage, frame, { width, height }, variant, candidates, figma.viewport.center)
      : null;
    if (batchSpot) {
      const after = batchSpot.after;
      const index = after ? batchSpot.parent.children.findIndex((child) => child.id === after.id) : -1;
      if (index >= 0) batchSpot.parent.insertChild(index + 1, frame);
      else batchSpot.parent.appendChild(frame);
      frame.x = batchSpot.x;
      frame.y = batchSpot.y;
    } else if (source) {
      const spot = chooseSpot(candidates, frame, { width, height }, continuationsOf(entries, source.id));
      const index = spot.parent.children.findIndex((child) => child.id === spot.anchor.id);
      spot.parent.insertChild(index + 1, frame);
      frame.x = spot.x;
      frame.y = spot.y;
    } else {
      const { x, y } = centredAt(figma.viewport.center, width, height);
      frame.x = x;
      frame.y = y;
    }
    const user = figma.currentUser;
    const record = buildTurnRecord(message.turn, {
      id: context.newId(),
      parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
      sourceNodeId: source?.id ?? null,
      originNodeId: frame.id,
      resultHash: image.hash,
      author: user && user.id ? { id: user.id, name: user.name } : null,
      createdAt: context.now().toISOString(),
    });
    const text = serializeTurnRecord(record);
    if (!text.ok) {
      frame.remove();
      return text;
    }
    frame.setPluginData(TURN_RECORD_KEY, text.value);
    frame.setRelaunchData(relaunchData(record, turnNumber(entries, parent)));
    // A batch's results are selected together as they arrive, ready for "Make component set".
    const shown = batchSpot ? [...batchSpot.members, frame] : [frame];
    figma.currentPage.selection = shown;
    figma.viewport.scrollAndZoomIntoView(shown);
    figma.commitUndo();
    return ok({ nodeId: frame.id, name, x: frame.x, y: frame.y, width: frame.width, height: frame.height, record });
  } catch (thrown) {
    // Only ever remove the frame we made in this call.
    if (!frame.removed) frame.remove();
    throw thrown;
  }
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
  frame: FrameNode,
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

export function createImageError(thrown: unknown): AppError {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  // Figma says "Image is too large" past 4096 px (yuanqing/figma-plugins#19); anything else is a bad image.
  return /too large/i.test(detail) ? appError('image_too_large') : appError('unsupported_image');
}
