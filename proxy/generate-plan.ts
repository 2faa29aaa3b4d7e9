/**
 * A `POST /v1/generate` request made ready to serve: the model it goes to, the resolved size, and its images and
 * history decoded and checked. Built in steps by `routes/generate.ts`, so a refusal half-way still leaves a usage
 * row that says how far the request got.
 */
import type { ImageSize, ModelInfo } from '../core/models.js';
import { inlineImageMaxBytes } from '../core/input-limits.js';
import type { GenerateRequest } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import { historyImageCount, prepareHistory, type PreparedHistoryContent } from './prepared-history.js';
import { prepareImages, type PreparedImage } from './prepared-images.js';
import { modelUnavailableError } from './model-availability.js';
import type { ReserveRequest } from './store/store.js';

export interface GeneratePlan {
  request: GenerateRequest;
  model: ModelInfo;
  imageSize: ImageSize;
  images: PreparedImage[];
  history: PreparedHistoryContent[];
  /** Every image Gemini reads as input, replayed ones included: they are billed like the new ones. */
  inputImages: number;
}

/** Refuses a model the key could not reach at the last check, naming its replacement. */
export function refuseUnreachable(ctx: AppContext, model: ModelInfo): void {
  const unreachable = ctx.availability.unreachable();
  if (unreachable.has(model.id)) throw modelUnavailableError(ctx.registry, model, unreachable);
}

/** The request's images and history, decoded and checked against the backend's inline limit. */
export function preparedInputs(
  ctx: AppContext,
  request: GenerateRequest,
): Pick<GeneratePlan, 'images' | 'history' | 'inputImages'> {
  const maxImageBytes = inlineImageMaxBytes(ctx.config.backend.kind);
  const images = prepareImages(request, maxImageBytes);
  const history = prepareHistory(request, maxImageBytes);
  return { images, history, inputImages: images.length + historyImageCount(request) };
}

/** What a reservation of this request holds in the store; the cost estimate and the time come when it is made. */
export type PlannedReservation = Omit<ReserveRequest, 'estimatedCostUsd' | 'now' | 'staleBefore' | 'cacheHit'>;

export function plannedReservation(
  plan: GeneratePlan,
  who: Pick<ReserveRequest, 'requestId' | 'tokenId' | 'tokenName'>,
): PlannedReservation {
  return {
    ...who,
    model: plan.model.id,
    imageSize: plan.imageSize,
    aspectRatio: plan.request.aspectRatio ?? null,
    inputImages: plan.images.length,
  };
}
