/**
 * A regional edit (docs/regional-edits.md): the selection is a frame or image plus a shape drawn over it. The sandbox
 * exports the frame (the shape, and with Keep text editable the text, hidden on a temporary copy) and the shape's
 * mask on the very same pixel grid, one image per message. The panel measures the crop on the mask, which replaces
 * the plan's prediction (core/turn-plan.ts `withMeasuredCrop`), sends it (with a small whole-frame scene reference
 * when the region is small, and the selected references) with a "change only this" instruction, then scales the
 * answer back and composites it over the frame's export through the mask (ui/image/region-edit.ts): every pixel
 * outside the shape is the export's, byte for byte. The result is a new layer the size of the frame, beside it, with
 * the region in its turn record. The shape is the person's: never changed.
 */
import { appError } from '../../core/errors.js';
import { regionRoom, turnRegionOf } from '../../core/region-turn.js';
import { fail, ok, type Result } from '../../core/result.js';
import { withMeasuredCrop, type PlannedImage, type TurnPlan } from '../../core/turn-plan.js';
import { recordBrandOf, recordInputsOf, turnRequest, type SentImage } from '../../core/turn-request.js';
import { pureCodec } from '../image/pixel-codec.js';
import { prepareRegionEditAsync } from '../image/region-edit.js';
import type { AppDeps } from './deps.js';
import { exportReferencesAsync } from './export-turn-images.js';
import { fitSentImagesAsync } from './fit-sent-images.js';
import type { TurnExports } from './turn-exports.js';
import type { PreparedTurn } from './prepared-turn.js';

/** Exports the frame, the shape's mask and the references of a planned regional edit, and builds its request. */
export async function prepareRegionalTurnAsync(
  deps: AppDeps,
  signal: AbortSignal,
  plan: TurnPlan,
  exports: TurnExports,
): Promise<Result<PreparedTurn>> {
  const { bridge } = deps;
  const { target, exportScale: scale, inputs, maxSide } = plan.shape;
  const shape = inputs.region;
  if (!target || !shape) return fail(appError('bad_request', 'Select a frame and a shape drawn over it.'));
  // The frame at its own export scale: the result replaces it pixel for pixel, so it is as sharp as the frame.
  const source = await exports.sourceAsync({
    nodeId: target.id,
    scale,
    hideText: inputs.keepText,
    hideNodeIds: [shape.id],
  });
  if (!source.ok) return source;
  const mask = await bridge.request('EXPORT_REGION_MASK', { sourceNodeId: target.id, shapeNodeId: shape.id, scale });
  if (!mask.ok) return mask;
  const planned = plan.images.filter((image) => image.source === 'reference');
  const references = await exportReferencesAsync(exports, planned, maxSide);
  if (!references.ok) return references;
  if (signal.aborted) return fail(appError('cancelled'));

  const room = { ...plan.model, maxInputImages: regionRoom(plan.model, references.value.length) };
  const edit = await prepareRegionEditAsync(deps.pixels ?? pureCodec, source.value.bytes, mask.value.bytes, room);
  if (!edit.ok) return edit;
  const measured = withMeasuredCrop(plan, edit.value.plan);
  const bytesOf = (image: PlannedImage, index: number): Uint8Array =>
    image.source === 'reference'
      ? references.value[index]!.bytes
      : image.source === 'scene'
        ? edit.value.scene!
        : edit.value.crop;
  const exported: SentImage[] = measured.images.map((image, i) => ({
    nodeId: image.nodeId,
    role: image.role,
    bytes: bytesOf(image, i),
  }));
  const sent = await fitSentImagesAsync(exports, exported);
  if (!sent.ok) return sent;
  const { request, images } = turnRequest(measured, sent.value);
  const crop = measured.region!;
  return ok({
    plan: measured,
    request,
    placement: {
      sourceNodeId: target.id,
      liveText: inputs.keepText,
      fit: { kind: 'region', edit: edit.value },
      turn: {
        prompt: measured.instruction,
        params: { aspectRatio: crop.aspectRatio, imageSize: crop.imageSize },
        inputs: recordInputsOf(measured, images),
        // The region in the frame's own units (points): the export's pixels over its scale.
        region: turnRegionOf(crop, shape.id, source.value.width / target.width),
        ...(measured.brand ? { brand: recordBrandOf(measured, images) } : {}),
      },
    },
  });
}
