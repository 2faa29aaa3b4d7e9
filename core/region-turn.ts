/**
 * The parts of a regional edit's turn that are plain arithmetic (docs/regional-edits.md): the crop predicted from the
 * layers' boxes before anything is exported (what the cost estimate prices), and the region as the turn record
 * keeps it. The crop that is sent is measured on the shape's exported mask (ui/image/region-edit.ts); for a shape
 * whose mask fills its box, the two agree.
 */
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';
import type { Rect } from './aspect.js';
import type { PublicModel } from './proxy-schema.js';
import { planRegionCrop, type RegionCropPlan } from './region-crop.js';
import type { RequestPlan } from './request-plan.js';
import type { TurnRegion } from './turn-record.js';

/**
 * The room a regional edit leaves for its crop and scene: the model's image limit less the references sent with them,
 * at least one (the references have been checked to fit with the frame).
 */
export function regionRoom(model: PublicModel, referenceCount: number): number {
  return Math.max(1, model.maxInputImages - referenceCount);
}

/**
 * The crop of the regional edit `shape` plans, predicted from the boxes on the page: the frame as the sandbox exports
 * it (absolute bounds at its export scale, capped at 4096 px a side) and the shape's box over it. Without boxes, or
 * when the shape's box misses the frame, the region is taken to be the whole frame.
 */
export function predictRegionCrop(model: PublicModel, shape: RequestPlan): RegionCropPlan {
  const target = shape.target!;
  const frameBox = target.box ?? { x: 0, y: 0, width: target.width, height: target.height };
  const scale = Math.min(shape.exportScale, MAX_FIGMA_IMAGE_SIDE / Math.max(frameBox.width, frameBox.height));
  const width = Math.max(1, Math.round(frameBox.width * scale));
  const height = Math.max(1, Math.round(frameBox.height * scale));
  const whole: Rect = { x: 0, y: 0, width, height };
  const shapeBox = shape.inputs.region?.box;
  const region: Rect = shapeBox
    ? {
        x: (shapeBox.x - frameBox.x) * scale,
        y: (shapeBox.y - frameBox.y) * scale,
        width: shapeBox.width * scale,
        height: shapeBox.height * scale,
      }
    : whole;
  const room = { ...model, maxInputImages: regionRoom(model, shape.inputs.references.length) };
  const planned = planRegionCrop(width, height, region, room);
  if (planned.ok) return planned.value;
  const fallback = planRegionCrop(width, height, whole, room);
  if (!fallback.ok) throw new Error('a whole frame always overlaps itself');
  return fallback.value;
}

/** The region as the turn record keeps it: in the frame's own units (points), three decimals. */
export function turnRegionOf(crop: RegionCropPlan, shapeNodeId: string, pixelsPerPoint: number): TurnRegion {
  return {
    nodeId: shapeNodeId,
    x: round3(crop.region.x / pixelsPerPoint),
    y: round3(crop.region.y / pixelsPerPoint),
    width: round3(crop.region.width / pixelsPerPoint),
    height: round3(crop.region.height / pixelsPerPoint),
  };
}

/** Three decimals: enough for points, and the record stays short. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
