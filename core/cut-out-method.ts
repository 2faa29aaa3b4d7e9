/**
 * Which way Remove background and Isolate object make their matte, and what it costs before the press
 * (docs/image-tools.md#how-the-matte-is-made): Gemini's segmentation masks when the proxy offers a segmentation
 * model its key can reach (about a cent), else two renders of the image model, on white and on black (two image
 * edits). Pure, so the panel's row and the action price the same thing.
 */
import { estimateCostUsd, type CostModel } from './cost-estimate.js';
import type { MatteMethod } from './image-tool.js';
import type { ImageSize } from './image-sizes.js';
import { backdropInstruction, type RenderKeep } from './matte-render-instruction.js';
import type { PublicSegmentation } from './segmentation-model.js';

/** The image model the two renders use: what the estimate needs of it. */
export interface RenderModel extends CostModel {
  id: string;
  defaultImageSize: ImageSize;
}

/** How the next cut-out will make its matte, and about what it will cost (null when it cannot be priced). */
export interface CutOutMethod {
  method: MatteMethod;
  estimateUsd: number | null;
}

/** The size the renders are asked at: the model's default (1K for every current model: config/models.json). */
export function renderSizeOf(model: RenderModel): ImageSize {
  return model.defaultImageSize;
}

/** Two image edits of one input image with the render instruction, at the model's default size. */
export function twoRenderEstimateUsd(model: RenderModel, keep: RenderKeep): number | null {
  const chars = backdropInstruction('white', keep).length;
  const one = estimateCostUsd(model, renderSizeOf(model), 1, chars);
  return one === null ? null : Math.round(one * 2 * 1_000_000) / 1_000_000;
}

/**
 * Segmentation when the proxy offers it, else two renders with `renderModel`; null when neither is possible (no
 * segmentation model and no image model).
 */
export function cutOutMethodOf(
  segmentation: PublicSegmentation | null,
  renderModel: RenderModel | null,
  keep: RenderKeep = { kind: 'subject' },
): CutOutMethod | null {
  if (segmentation) return { method: 'segmentation', estimateUsd: segmentation.estimateUsd };
  if (!renderModel) return null;
  return { method: 'two-renders', estimateUsd: twoRenderEstimateUsd(renderModel, keep) };
}

/** "two renders" / "segmentation": how the panel's row names the method. */
export function methodLabel(method: MatteMethod): string {
  return method === 'two-renders' ? 'two renders' : 'segmentation';
}
