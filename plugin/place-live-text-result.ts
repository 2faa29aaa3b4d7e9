/**
 * Keep text editable (posters and layouts): the result is a **copy of the source frame** whose fill is the
 * generated image and whose text layers stay live on top, so typography is never baked into pixels and stays
 * editable, with its fonts, styles and positions.
 *
 * What the copy keeps (decided here; docs/architecture.md#posters-and-live-text):
 * - every TEXT layer, where it was;
 * - the frames and groups that hold text (their own fills and strokes cleared, auto layout switched off so nothing
 *   moves), because they place the text;
 * - component instances that hold text, whole: a design-system button stays a live instance (its background sits
 *   over the same pixels in the image, so it looks the same);
 * - the frame's own size, corner radius, clipping and effects.
 * Every other layer is removed: the image was made from the frame with only its text hidden, so those layers are in
 * the pixels already. The frame's strokes are cleared for the same reason.
 *
 * For an Expand (docs/image-tools.md#expand), the copy is the expanded canvas's size and the text moves with the
 * original's place in it. Placement, turn record, selection and undo are as for any result (plugin/place-result.ts);
 * the source is never touched, and a failure removes the copy again.
 */
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import type { Result } from '../core/result.js';
import { checkImageForFigma } from './export-png.js';
import { findSourceAsync } from './find-source.js';
import type { HandlerContext } from './handler-context.js';
import {
  createImageOrError,
  placeResultAsync,
  putInPlace,
  readPlacementContext,
  resultLayerName,
  stampResult,
} from './place-result.js';

/** Places a PLACE_RESULT with `liveText`: a copy of the source frame, or a plain result when the source is no frame. */
export async function placeLiveTextResultAsync(
  context: HandlerContext,
  message: UiMessageOf<'PLACE_RESULT'>,
): Promise<Result<PlacedResult>> {
  const { figma } = context;
  const found = await findSourceAsync(figma, message);
  if (!found.ok) return found;
  // Text-to-image, a source deleted meanwhile (placed at its old spot) and a source that is no frame: a plain result.
  if (found.value.kind !== 'layer' || found.value.node.type !== 'FRAME') return placeResultAsync(context, message);
  const source = found.value.node;

  const header = checkImageForFigma(message.image);
  if (!header.ok) return header;
  const where = readPlacementContext(context, source);
  if (!where.ok) return where;
  const image = createImageOrError(figma, message.image);
  if (!image.ok) return image;

  const size = message.size ?? { width: source.width, height: source.height };
  const copy = source.clone();
  try {
    keepOnlyText(copy);
    growAroundText(copy, size, message.size ? message.turn.tool?.original : undefined);
    copy.fills = [{ type: 'IMAGE', imageHash: image.value.hash, scaleMode: 'FILL' }];
    copy.strokes = [];
    const batchSpot = putInPlace(figma, copy, size, message.turn, where.value);
    copy.name = resultLayerName(source, message.turn, batchSpot);
    return stampResult(context, copy, message, image.value, where.value, batchSpot);
  } catch (thrown) {
    if (!copy.removed) copy.remove();
    throw thrown;
  }
}

/**
 * Expand's larger canvas (`size`, with the original at `original` inside it, in points): the copy grows to the canvas
 * and what it kept moves with the original's place, so each text layer stays where it was on the original content.
 * Without constraints, so nothing the copy kept is stretched.
 */
function growAroundText(
  copy: FrameNode,
  size: { width: number; height: number },
  original: { x: number; y: number } | undefined,
): void {
  if (size.width === copy.width && size.height === copy.height) return;
  copy.resizeWithoutConstraints(size.width, size.height);
  if (!original) return;
  for (const child of copy.children) {
    child.x += original.x;
    child.y += original.y;
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
