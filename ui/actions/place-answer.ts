/**
 * Placing one proxy answer: the named last step of every turn. The answer is fitted (cover-cropped to the frame and
 * scaled to what it needs at its export scale, ≤4096 px), or for a regional edit composited over the frame's export
 * through the shape's mask (ui/image/region-edit.ts); then the sandbox places it as a new layer with its turn record.
 * Nothing is placed after an abort.
 */
import { base64ToBytes } from '../../core/base64.js';
import { appError } from '../../core/errors.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateResponse } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { TurnDraft, TurnVariant } from '../../core/turn-record.js';
import type { TargetSize } from '../image/fit-plan.js';
import { pureCodec } from '../image/pixel-codec.js';
import { finishRegionEditAsync, type PreparedRegionEdit } from '../image/region-edit.js';
import type { AppDeps } from './deps.js';
import type { PressedSelection } from './pressed-selection.js';

/** How an answer becomes the image to place. */
export type AnswerFit =
  /** Fitted to the frame at its export scale; null for text-to-image (placed at its own size). */
  | { kind: 'frame'; frame: TargetSize | null }
  /** Composited over the frame's export through the shape's mask. */
  | { kind: 'region'; edit: PreparedRegionEdit };

/** Everything placing an answer needs besides the answer: known once the request is built. */
export interface Placement {
  /** The layer edited, or null for text-to-image. */
  sourceNodeId: string | null;
  /** Keep text editable: a copy of the frame with its text live on top of the image. */
  liveText: boolean;
  fit: AnswerFit;
  /** The turn record's draft, without what only the answer tells (model, usage) and the variant. */
  turn: Pick<TurnDraft, 'prompt' | 'params' | 'inputs' | 'region' | 'tool' | 'brand'>;
}

/** How {@link placeAnswerAsync} is called. */
export interface PlaceOptions {
  signal: AbortSignal;
  /** Which of N variants the answer is; absent for a single result. */
  variant?: TurnVariant;
  /** Called once the answer is fitted, just before it is sent to be placed (too late to cancel cleanly). */
  onPlacing?: () => void;
  /** The selection and source at the press: the selection moves only if unchanged; a deleted source's spot. */
  pressed?: PressedSelection;
}

/** Fits one answer and places it as a new layer with its turn record. */
export async function placeAnswerAsync(
  deps: AppDeps,
  placement: Placement,
  answer: GenerateResponse,
  options: PlaceOptions,
): Promise<Result<PlacedResult>> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(answer.image.data);
  } catch {
    return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Try again.'));
  }
  const { fit } = placement;
  const image =
    fit.kind === 'region'
      ? await finishRegionEditAsync(deps.pixels ?? pureCodec, fit.edit, bytes)
      : await fitToFrameAsync(deps, bytes, answer.image.mimeType, fit.frame);
  if (!image.ok) return image;
  if (options.signal.aborted) return fail(appError('cancelled'));

  options.onPlacing?.();
  // The page's history changes with this result (or may have, should the reply be lost): the next turn reads it again.
  deps.state.historyCurrent.value = false;
  const { prompt, params, inputs, region, tool, brand } = placement.turn;
  return deps.bridge.request('PLACE_RESULT', {
    image: image.value,
    sourceNodeId: placement.sourceNodeId,
    ...(placement.liveText ? { liveText: true } : {}),
    ...options.pressed,
    turn: {
      prompt,
      model: answer.model,
      params,
      inputs,
      ...(region ? { region } : {}),
      ...(tool ? { tool } : {}),
      ...(options.variant ? { variant: options.variant } : {}),
      ...(brand ? { brand } : {}),
      usage: { ...answer.usage, ...(answer.cached ? { cached: true } : {}) },
    },
  });
}

async function fitToFrameAsync(
  deps: AppDeps,
  bytes: Uint8Array,
  mimeType: string,
  frame: TargetSize | null,
): Promise<Result<Uint8Array>> {
  const fitted = await deps.fitImage(bytes, mimeType, frame);
  return fitted.ok ? ok(fitted.value.bytes) : fitted;
}
