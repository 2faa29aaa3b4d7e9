/**
 * Puts one result on the canvas (DESIGN.md §1): a new frame with the image as its FILL, beside the source at the
 * source's size, or at the viewport centre at the image's size for text-to-image. It carries its turn record and
 * a relaunch button, becomes the selection, and closes one undo step. The source is never touched, and a
 * failure at any step leaves the canvas as it was.
 */
import { appError, type AppError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { resultName } from '../core/naming.js';
import { centredAt, firstFreeX } from '../core/placement.js';
import { fail, ok, type Result } from '../core/result.js';
import { buildTurnRecord, serializeTurnRecord, TURN_RECORD_KEY } from '../core/turn-record.js';
import { findSceneNodeAsync } from './find-scene-node.js';
import type { HandlerContext } from './handler-context.js';
import { isVisibleIn, placementCandidates, type PlacementCandidate } from './placement-anchor.js';
import { relaunchData } from './relaunch.js';

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

  let image: Image;
  try {
    image = figma.createImage(message.image);
  } catch (thrown) {
    return fail(createImageError(thrown));
  }

  const width = source ? source.width : header.width;
  const height = source ? source.height : header.height;
  const name = resultName(source?.name ?? null, message.turn.prompt);
  const frame = figma.createFrame();
  try {
    frame.name = name;
    frame.resize(width, height);
    frame.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
    if (source) {
      const spot = chooseSpot(candidates, frame, { width, height });
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
      sourceNodeId: source?.id ?? null,
      originNodeId: frame.id,
      author: user && user.id ? { id: user.id, name: user.name } : null,
      createdAt: context.now().toISOString(),
    });
    const text = serializeTurnRecord(record);
    if (!text.ok) {
      frame.remove();
      return text;
    }
    frame.setPluginData(TURN_RECORD_KEY, text.value);
    frame.setRelaunchData(relaunchData());
    figma.currentPage.selection = [frame];
    figma.viewport.scrollAndZoomIntoView([frame]);
    figma.commitUndo();
    return ok({ nodeId: frame.id, name, x: frame.x, y: frame.y, width: frame.width, height: frame.height, record });
  } catch (thrown) {
    // Only ever remove the frame we made in this call.
    if (!frame.removed) frame.remove();
    throw thrown;
  }
}

/** The innermost candidate where the result is visible, with its position (the page always qualifies). */
function chooseSpot(
  candidates: readonly PlacementCandidate[],
  frame: FrameNode,
  size: { width: number; height: number },
): PlacementCandidate & { x: number; y: number } {
  let spot: (PlacementCandidate & { x: number; y: number }) | null = null;
  for (const candidate of candidates) {
    const { anchor, parent } = candidate;
    const siblings = parent.children.filter((child) => child.id !== anchor.id && child.id !== frame.id);
    spot = { ...candidate, x: firstFreeX(anchor, siblings, size), y: anchor.y };
    if (isVisibleIn(parent, spot.x, spot.y, size.width, size.height)) return spot;
  }
  // placementCandidates always ends with the page, which never clips; this only satisfies the type checker.
  if (!spot) throw new Error('no place for the result');
  return spot;
}

function createImageError(thrown: unknown): AppError {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  // Figma says "Image is too large" past 4096 px (yuanqing/figma-plugins#19); anything else is a bad image.
  return /too large/i.test(detail) ? appError('image_too_large') : appError('unsupported_image');
}
