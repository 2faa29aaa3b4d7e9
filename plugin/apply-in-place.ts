/**
 * Apply in place (the person's choice, per turn; the default is a new layer beside the source): the result replaces
 * the source layer's visible IMAGE fill instead of becoming a new layer, as one undo step, so ⌘Z puts the layer back
 * as it was. The layer is changed only because the person asked for it.
 *
 * The original stays recoverable two ways: the turn record written on the layer keeps the replaced fill
 * (`replacedFill`: its hash, scale mode and place), and the original paint itself stays in the layer's fills,
 * hidden, under the new one. Figma does not say whether an image no paint uses survives a save
 * (docs/figma-platform.md#images-live-in-fills), so a hash alone would not be enough; a designer brings the original
 * back by showing that fill again in the Fill section.
 *
 * A source that has no single visible IMAGE fill, or that was deleted meanwhile, gets a plain result instead
 * (plugin/place-result.ts): a paid answer is never thrown away.
 */
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { selectionStillPressed } from '../core/pressed-selection.js';
import { ok, type Result } from '../core/result.js';
import { buildTurnRecord, serializeTurnRecord, TURN_RECORD_KEY, type ReplacedFill } from '../core/turn-record.js';
import { checkImageForFigma } from './export-png.js';
import { findSourceAsync } from './find-source.js';
import type { HandlerContext } from './handler-context.js';
import { createImageOrError, placeResultAsync, readPlacementContext, turnNumber } from './place-result.js';
import { relaunchData } from './relaunch.js';

/** Places a PLACE_RESULT with `applyInPlace`: into the source's IMAGE fill, or as a plain result when it has none. */
export async function applyInPlaceAsync(
  context: HandlerContext,
  message: UiMessageOf<'PLACE_RESULT'>,
): Promise<Result<PlacedResult>> {
  const { figma } = context;
  const header = checkImageForFigma(message.image);
  if (!header.ok) return header;
  const found = await findSourceAsync(figma, message);
  if (!found.ok) return found;
  const source = found.value.kind === 'layer' ? found.value.node : null;
  const fills = source && 'fills' in source && Array.isArray(source.fills) ? (source.fills as readonly Paint[]) : [];
  const index = onlyVisibleImageFill(fills);
  if (!source || index === null || message.turn.variant) return placeResultAsync(context, message);
  const where = readPlacementContext(context, source);
  if (!where.ok) return where;
  const image = createImageOrError(figma, message.image);
  if (!image.ok) return image;

  // Everything that can fail comes before the layer is touched.
  const original = fills[index] as ImagePaint;
  const parent = where.value.parent;
  const user = figma.currentUser;
  const record = buildTurnRecord(message.turn, {
    id: context.newId(),
    parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
    sourceNodeId: source.id,
    originNodeId: source.id,
    resultHash: image.value.hash,
    replacedFill: replacedFillOf(original, index),
    author: user && user.id ? { id: user.id, name: user.name } : null,
    createdAt: context.now().toISOString(),
  });
  const text = serializeTurnRecord(record);
  if (!text.ok) return text;

  const node = source as SceneNode & MinimalFillsMixin;
  const result: ImagePaint = { type: 'IMAGE', imageHash: image.value.hash, scaleMode: 'FILL' };
  node.fills = [...fills.slice(0, index), { ...original, visible: false }, result, ...fills.slice(index + 1)];
  node.setPluginData(TURN_RECORD_KEY, text.value);
  context.history.invalidate();
  node.setRelaunchData(relaunchData(record, turnNumber(where.value.entries, parent)));
  const current = figma.currentPage.selection.map((n) => n.id);
  if (selectionStillPressed(current, message.pressedSelection)) figma.currentPage.selection = [node];
  figma.commitUndo();
  const { id: nodeId, name, x, y, width, height } = node;
  return ok({ nodeId, name, x, y, width, height, record });
}

/** The index of the layer's one visible fill when it is an IMAGE paint with an image; else null. */
export function onlyVisibleImageFill(fills: readonly Paint[]): number | null {
  const visible = fills.flatMap((paint, i) => (paint.visible === false ? [] : [i]));
  if (visible.length !== 1) return null;
  const paint = fills[visible[0]!]!;
  return paint.type === 'IMAGE' && paint.imageHash ? visible[0]! : null;
}

function replacedFillOf(paint: ImagePaint, index: number): ReplacedFill {
  return {
    imageHash: paint.imageHash!,
    scaleMode: paint.scaleMode,
    index,
    ...(paint.opacity !== undefined ? { opacity: paint.opacity } : {}),
    ...(paint.rotation !== undefined ? { rotation: paint.rotation } : {}),
    ...(paint.scalingFactor !== undefined ? { scalingFactor: paint.scalingFactor } : {}),
    ...(paint.imageTransform ? { imageTransform: paint.imageTransform.map((row) => [...row]) } : {}),
  };
}
