/**
 * An instant adjustment (docs/adjustments.md): a copy of the layer, beside it as any result goes, with Figma's own
 * image filters moved by the asked amounts on its own IMAGE fills. Nothing is sent to Gemini and nothing is
 * re-encoded: the copy shows the same image, and Figma applies the filters. The copy carries a turn record (tool
 * `adjust`, cost $0), so it is continued or branched like any turn, and ⌘Z removes exactly it. The source is never
 * touched, and a failure removes the copy again.
 */
import { appError } from '../core/errors.js';
import type { PlacedResult, UiMessageOf } from '../core/messages.js';
import { fail, type Result } from '../core/result.js';
import { addFilters, adjustedProvenance, type ToneFilters } from '../core/tone-adjust.js';
import { findSceneNodeAsync } from './find-scene-node.js';
import type { HandlerContext } from './handler-context.js';
import { putInPlace, readPlacementContext, resultLayerName, stampResult } from './place-result.js';

/** Places the adjusted copy an ADJUST_IMAGE asks for. */
export async function adjustImageAsync(
  context: HandlerContext,
  message: UiMessageOf<'ADJUST_IMAGE'>,
): Promise<Result<PlacedResult>> {
  const found = await findSceneNodeAsync(context.figma, message.nodeId);
  if (!found.ok) return found;
  const source = found.value;
  const image = 'fills' in source && Array.isArray(source.fills) ? firstImage(source.fills as readonly Paint[]) : null;
  if (!image || !image.imageHash) {
    return fail(
      appError(
        'bad_request',
        `"${source.name}" has no image fill of its own to adjust. Select the image layer itself, or send the ` +
          'instruction to Gemini instead.',
      ),
    );
  }
  const where = readPlacementContext(context, source);
  if (!where.ok) return where;
  const copy = source.clone();
  try {
    const fills = (copy as SceneNode & MinimalFillsMixin).fills as readonly Paint[];
    (copy as SceneNode & MinimalFillsMixin).fills = fills.map((paint) =>
      paint.type === 'IMAGE' ? { ...paint, filters: addFilters(paint.filters, message.filters as ToneFilters) } : paint,
    );
    const batchSpot = putInPlace(context.figma, copy, source, message.turn, where.value);
    copy.name = resultLayerName(source, message.turn, batchSpot);
    const provenance = adjustedProvenance(where.value.parent);
    return stampResult(context, copy, message, { hash: image.imageHash }, where.value, batchSpot, provenance);
  } catch (thrown) {
    if (!copy.removed) copy.remove();
    throw thrown;
  }
}

function firstImage(fills: readonly Paint[]): ImagePaint | null {
  return (fills.find((paint) => paint.type === 'IMAGE' && paint.visible !== false) as ImagePaint | undefined) ?? null;
}
