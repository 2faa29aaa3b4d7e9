/**
 * The images of a planned turn (core/turn-plan.ts), exported by the sandbox one per message: the references selected
 * now (and the pinned subject) with `EXPORT_NODE`, the references the chain carried (a layer that has gone is simply
 * left out: the chain's summary still names the edit), and the base last, with `EXPORT_SOURCE` at the plan's base
 * scale (the export scale, capped at what the size asked for draws), its text hidden when Keep text editable is on.
 * Each goes through the turn's {@link TurnExports}, so a turn prepared again exports nothing twice.
 */
import { appError } from '../../core/errors.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { PlannedImage, TurnPlan } from '../../core/turn-plan.js';
import type { SentImage } from '../../core/turn-request.js';
import type { TurnExports } from './turn-exports.js';

/** Exports the selected references and the pinned subject, or says which one could not be exported. */
export async function exportReferencesAsync(
  exports: TurnExports,
  references: readonly PlannedImage[],
  maxSide: number,
): Promise<Result<SentImage[]>> {
  const images: SentImage[] = [];
  for (const reference of references) {
    const exported = await exports.nodeAsync(reference.nodeId, maxSide);
    if (!exported.ok) {
      const gone = exported.error.code === 'stale_node';
      if (reference.pinned && gone) {
        return fail(
          appError(
            'stale_node',
            `The pinned subject “${reference.name}” is no longer on this page. Unpin it, or pin another layer.`,
          ),
        );
      }
      return fail(
        gone
          ? appError('stale_node', `The reference “${reference.name}” was deleted or moved. Select it again and retry.`)
          : exported.error,
      );
    }
    images.push({ nodeId: reference.nodeId, role: reference.role, bytes: exported.value.bytes });
  }
  return ok(images);
}

/**
 * The exported images of a text-to-image turn or a whole-frame edit, in the plan's send order. The selected
 * references go first (a failure ends the turn before anything else is exported), then the carried ones, then the base.
 */
export async function exportTurnImagesAsync(exports: TurnExports, plan: TurnPlan): Promise<Result<SentImage[]>> {
  const { maxSide, baseScale, inputs } = plan.shape;
  const of = (source: PlannedImage['source']): PlannedImage[] => plan.images.filter((i) => i.source === source);
  const selected = await exportReferencesAsync(exports, of('reference'), maxSide);
  if (!selected.ok) return selected;
  const exported = new Map<PlannedImage, SentImage>(of('reference').map((image, i) => [image, selected.value[i]!]));
  for (const carried of of('carried')) {
    const image = await exports.nodeAsync(carried.nodeId, maxSide);
    if (image.ok) exported.set(carried, { nodeId: carried.nodeId, role: carried.role, bytes: image.value.bytes });
  }
  for (const base of of('base')) {
    const image = await exports.sourceAsync({
      nodeId: base.nodeId,
      scale: baseScale,
      hideText: inputs.keepText,
      hideNodeIds: [],
    });
    if (!image.ok) return image;
    exported.set(base, { nodeId: base.nodeId, role: 'base', bytes: image.value.bytes });
  }
  return ok(plan.images.flatMap((image) => exported.get(image) ?? []));
}
