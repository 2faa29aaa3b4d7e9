/**
 * Keep text editable (issue 7, posters and layouts): the result is a **copy of the source frame** whose fill is the
 * generated image and whose text layers stay live on top, so typography is never baked into pixels and stays
 * editable, with its fonts, styles and positions.
 *
 * What the copy keeps (decided here, DESIGN.md §5):
 * - every TEXT layer, where it was;
 * - the frames and groups that hold text (their own fills and strokes cleared, auto layout switched off so nothing
 *   moves), because they place the text;
 * - component instances that hold text, whole: a design-system button stays a live instance (its background sits
 *   over the same pixels in the image, so it looks the same);
 * - the frame's own size, corner radius, clipping and effects.
 * Every other layer is removed: the image was made from the frame with only its text hidden, so those layers are in
 * the pixels already. The frame's strokes are cleared for the same reason.
 *
 * Placement, turn record, selection and undo are as for any result (plugin/place-result.ts); the source is never
 * touched, and a failure removes the copy again.
 */
import { appError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import { continuationsOf } from '../core/history-graph.js';
import { readImageHeader } from '../core/image-header.js';
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { continuedName, resultName } from '../core/naming.js';
import { fail, ok, type Result } from '../core/result.js';
import { buildTurnRecord, serializeTurnRecord, TURN_RECORD_KEY } from '../core/turn-record.js';
import { findSceneNodeAsync } from './find-scene-node.js';
import type { HandlerContext } from './handler-context.js';
import { placementCandidates } from './placement-anchor.js';
import { chooseSpot, createImageError, placeResultAsync, readTurn, turnNumber } from './place-result.js';
import { readHistoryEntries } from './read-history.js';
import { relaunchData } from './relaunch.js';
import { variantLayerName, variantSpot } from './variant-spot.js';

/** Places a PLACE_RESULT with `liveText`: a copy of the source frame, or a plain result when the source is no frame. */
export async function placeLiveTextResultAsync(
  context: HandlerContext,
  message: UiMessageOf<'PLACE_RESULT'>,
): Promise<Result<PlacedResult>> {
  const { figma } = context;
  if (message.sourceNodeId === null) return placeResultAsync(context, message);
  const found = await findSceneNodeAsync(figma, message.sourceNodeId);
  if (!found.ok) return found;
  const source = found.value;
  if (source.type !== 'FRAME') return placeResultAsync(context, message);

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
  const candidates = placementCandidates(source);
  if (candidates.length === 0) return fail(appError('stale_node'));
  const parent = readTurn(source);
  const entries = readHistoryEntries(figma.currentPage);
  let image: Image;
  try {
    image = figma.createImage(message.image);
  } catch (thrown) {
    return fail(createImageError(thrown));
  }

  const sourceName = source.getPluginData(TURN_RECORD_KEY) !== '' ? continuedName(source.name) : source.name;
  const name = variantLayerName(resultName(sourceName, message.turn.prompt), message.turn.variant);
  const size = { width: source.width, height: source.height };
  const copy = source.clone();
  try {
    copy.name = name;
    keepOnlyText(copy);
    copy.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }];
    copy.strokes = [];
    const { variant } = message.turn;
    const batchSpot = variant
      ? variantSpot(figma.currentPage, copy, size, variant, candidates, figma.viewport.center)
      : null;
    if (batchSpot) {
      const after = batchSpot.after;
      const index = after ? batchSpot.parent.children.findIndex((child) => child.id === after.id) : -1;
      if (index >= 0) batchSpot.parent.insertChild(index + 1, copy);
      else batchSpot.parent.appendChild(copy);
      copy.x = batchSpot.x;
      copy.y = batchSpot.y;
    } else {
      const spot = chooseSpot(candidates, copy, size, continuationsOf(entries, source.id));
      const index = spot.parent.children.findIndex((child) => child.id === spot.anchor.id);
      spot.parent.insertChild(index + 1, copy);
      copy.x = spot.x;
      copy.y = spot.y;
    }
    const user = figma.currentUser;
    const record = buildTurnRecord(message.turn, {
      id: context.newId(),
      parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
      sourceNodeId: source.id,
      originNodeId: copy.id,
      resultHash: image.hash,
      author: user && user.id ? { id: user.id, name: user.name } : null,
      createdAt: context.now().toISOString(),
    });
    const text = serializeTurnRecord(record);
    if (!text.ok) {
      copy.remove();
      return text;
    }
    copy.setPluginData(TURN_RECORD_KEY, text.value);
    copy.setRelaunchData(relaunchData(record, turnNumber(entries, parent)));
    const shown = batchSpot ? [...batchSpot.members, copy] : [copy];
    figma.currentPage.selection = shown;
    figma.viewport.scrollAndZoomIntoView(shown);
    figma.commitUndo();
    return ok({ nodeId: copy.id, name, x: copy.x, y: copy.y, width: copy.width, height: copy.height, record });
  } catch (thrown) {
    if (!copy.removed) copy.remove();
    throw thrown;
  }
}

/** Whether a layer is or holds a text layer. */
function holdsText(node: SceneNode): boolean {
  return node.type === 'TEXT' || ('findOne' in node && node.findOne((n) => n.type === 'TEXT') !== null);
}

/** Keeps, inside `container`, only text and what places it (see the module comment); removes the rest. */
function keepOnlyText(container: SceneNode & ChildrenMixin): void {
  freezeLayout(container);
  for (const child of [...container.children]) {
    if (child.type === 'TEXT' || (child.type === 'INSTANCE' && holdsText(child))) continue;
    if ((child.type === 'FRAME' || child.type === 'GROUP') && holdsText(child)) {
      if (child.type === 'FRAME') {
        child.fills = [];
        child.strokes = [];
      }
      keepOnlyText(child);
      continue;
    }
    child.remove();
  }
}

/** Switches auto layout off (where the node has it), so removing layers does not move the text that stays. */
function freezeLayout(node: SceneNode): void {
  if ('layoutMode' in node && node.layoutMode !== undefined && node.layoutMode !== 'NONE') node.layoutMode = 'NONE';
}
