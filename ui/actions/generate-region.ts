/**
 * A regional edit (issue 7, docs/regional-edits.md): the selection is a frame or image plus a shape drawn over it.
 * The sandbox exports the frame (the shape, and with Keep text editable the text, hidden on a temporary copy) and the
 * shape's mask on the very same pixel grid, one image per message. The panel plans the crop, sends it (with a small
 * whole-frame scene reference when the region is small, and the selected references) with a "change only this"
 * instruction, then scales the answer back and composites it over the frame's export through the mask
 * (ui/image/region-edit.ts): every pixel outside the shape is the export's, byte for byte. The result is a new layer
 * the size of the frame, beside it, with the region in its turn record. The shape is the person's: never changed.
 */
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { composeEditPrompt } from '../../core/edit-prompt.js';
import { appError } from '../../core/errors.js';
import type { ImageRole } from '../../core/image-sizes.js';
import { baseImageName } from '../../core/input-instruction.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateRequest, GenerateResponse, PublicModel } from '../../core/proxy-schema.js';
import { regionInstruction } from '../../core/region-instruction.js';
import { fail, ok, type Result } from '../../core/result.js';
import { sha1Hex } from '../../core/sha1.js';
import type { TurnInput, TurnRegion } from '../../core/turn-record.js';
import { pureCodec } from '../image/pixel-codec.js';
import { finishRegionEditAsync, prepareRegionEditAsync } from '../image/region-edit.js';
import type { RequestPlan } from '../request-plan.js';
import type { AppDeps } from './deps.js';
import { fitSentImagesAsync } from './fit-sent-images.js';
import { exportReferencesAsync, type SentImage } from './edit-context.js';
import type { FinishOptions, PreparedTurn } from './generate.js';

/** Builds the request of a regional edit of `plan.target` through `plan.inputs.region`; nothing is placed yet. */
export async function prepareRegionTurnAsync(
  deps: AppDeps,
  signal: AbortSignal,
  model: PublicModel,
  prompt: string,
  plan: RequestPlan,
): Promise<Result<PreparedTurn>> {
  const { bridge } = deps;
  const target = plan.target;
  const shape = plan.inputs.region;
  if (!target || !shape) return fail(appError('bad_request', 'Select a frame and a shape drawn over it.'));
  const keepText = plan.inputs.keepText;
  // The frame at its own export scale: the result replaces it pixel for pixel, so it is as sharp as the frame.
  const scale = plan.exportScale;
  const source = await bridge.request('EXPORT_SOURCE', {
    nodeId: target.id,
    scale,
    hideText: keepText,
    hideNodeIds: [shape.id],
  });
  if (!source.ok) return source;
  const mask = await bridge.request('EXPORT_REGION_MASK', { sourceNodeId: target.id, shapeNodeId: shape.id, scale });
  if (!mask.ok) return mask;
  const references = await exportReferencesAsync(deps, plan.inputs.references, plan.maxSide);
  if (!references.ok) return references;
  if (signal.aborted) return fail(appError('cancelled'));

  const room = Math.max(1, model.maxInputImages - references.value.length);
  const codec = deps.pixels ?? pureCodec;
  const prepared = await prepareRegionEditAsync(codec, source.value.bytes, mask.value.bytes, {
    ...model,
    maxInputImages: room,
  });
  if (!prepared.ok) return prepared;
  const { plan: crop, scene } = prepared.value;
  const fitted = await fitSentImagesAsync(deps, [
    ...references.value,
    ...(scene ? [{ nodeId: target.id, role: 'scene' as const, bytes: scene }] : []),
    { nodeId: target.id, role: 'base', bytes: prepared.value.crop },
  ]);
  if (!fitted.ok) return fitted;
  const images: SentImage[] = fitted.value;
  const roles: ImageRole[] = images.map((image) => image.role);
  const instruction = regionInstruction({
    prompt,
    crop: crop.crop,
    region: crop.region,
    hasScene: false, // said by its place among the images instead
    imageName: baseImageName(roles),
  });
  const request: GenerateRequest = {
    model: model.id,
    prompt: composeEditPrompt({ images: roles, instruction, text: '' }),
    aspectRatio: crop.aspectRatio,
    images: images.map((image) => ({ data: bytesToBase64(image.bytes), mimeType: 'image/png', role: image.role })),
  };
  if (plan.sendImageSize) request.imageSize = crop.imageSize;
  const inputs: TurnInput[] = images.map((image) => ({
    nodeId: image.nodeId,
    role: image.role,
    hash: sha1Hex(image.bytes),
  }));
  // The region in the frame's own units (points): the export's pixels over its scale.
  const pixelsPerPoint = source.value.width / target.width;
  const region: TurnRegion = {
    nodeId: shape.id,
    x: round3(crop.region.x / pixelsPerPoint),
    y: round3(crop.region.y / pixelsPerPoint),
    width: round3(crop.region.width / pixelsPerPoint),
    height: round3(crop.region.height / pixelsPerPoint),
  };

  const finishAsync = async (answer: GenerateResponse, options: FinishOptions): Promise<Result<PlacedResult>> => {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(answer.image.data);
    } catch {
      return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Try again.'));
    }
    const composited = await finishRegionEditAsync(codec, prepared.value, bytes);
    if (!composited.ok) return composited;
    const image = composited.value;
    if (options.signal.aborted) return fail(appError('cancelled'));
    options.onPlacing?.();
    return bridge.request('PLACE_RESULT', {
      image,
      sourceNodeId: target.id,
      ...(keepText ? { liveText: true } : {}),
      turn: {
        prompt,
        model: answer.model,
        params: { aspectRatio: crop.aspectRatio, imageSize: crop.imageSize },
        inputs,
        region,
        ...(options.variant ? { variant: options.variant } : {}),
        usage: { ...answer.usage, ...(answer.cached ? { cached: true } : {}) },
      },
    });
  };
  return ok({ request, finishAsync });
}

/** Three decimals: enough for points, and the record stays short. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
