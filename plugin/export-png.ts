/**
 * The one place the sandbox exports a layer to PNG and checks what Figma gave back, and the one check of bytes
 * about to go into `figma.createImage`. Every export is PNG, the layer's full box (`useAbsoluteBounds`, so the
 * bitmap lines up with the layer), sRGB for predictable model input, and never over `MAX_FIGMA_IMAGE_SIDE` a side:
 * `createImage` refuses larger images, so nothing larger may cross into or out of the sandbox
 * (docs/figma-platform.md#images-at-most-4096-px).
 */
import { appError, type AppError } from '../core/errors.js';
import { MAX_FIGMA_IMAGE_SIDE, type ExportConstraint } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import type { ExportedImage } from '../core/messages.js';
import { fail, ok, type Result } from '../core/result.js';

/** The export settings of every PNG the sandbox makes, with `constraint` deciding its pixel size. */
export function pngExportSettings(constraint: ExportConstraint): ExportSettingsImage {
  return { format: 'PNG', constraint, useAbsoluteBounds: true, colorProfile: 'SRGB' };
}

/**
 * The constraint of a regional edit's exports (the source and its mask), so their pixel grids agree: `scale` pixels
 * per point, or less when that would pass `MAX_FIGMA_IMAGE_SIDE` a side.
 */
export function gridConstraint(box: { width: number; height: number }, scale: number): ExportConstraint {
  return { type: 'SCALE', value: Math.min(scale, MAX_FIGMA_IMAGE_SIDE / Math.max(box.width, box.height)) };
}

/** The error for a layer with no area: Figma cannot export it, and there is nothing to edit. */
export function noAreaError(node: SceneNode): AppError {
  return appError('bad_request', `"${node.name}" has no width or height, so there is nothing to edit.`);
}

/**
 * Exports `node` as a checked PNG. `nodeId` is the layer the image stands for, when a stand-in is exported in its
 * place (a temporary copy with some layers hidden, a region's mask frame).
 */
export async function exportPngAsync(
  node: SceneNode,
  constraint: ExportConstraint,
  nodeId: string = node.id,
): Promise<Result<ExportedImage>> {
  if (!(node.width > 0 && node.height > 0)) return fail(noAreaError(node));
  return checkedPng(nodeId, await node.exportAsync(pngExportSettings(constraint)));
}

/** Exported bytes as an {@link ExportedImage}, or an error when they are not a PNG Figma could take back. */
export function checkedPng(nodeId: string, bytes: Uint8Array): Result<ExportedImage> {
  const header = readImageHeader(bytes);
  if (!header || header.mimeType !== 'image/png') {
    return fail(appError('unsupported_image', 'Figma did not return a PNG for this layer. Try again.'));
  }
  if (!withinFigmaSide(header)) return fail(appError('image_too_large'));
  return ok({ nodeId, bytes, width: header.width, height: header.height });
}

/**
 * The size of bytes about to go into `figma.createImage`, checked here rather than left to Figma's throw: a PNG,
 * JPEG or GIF (what `createImage` takes; Gemini 3's JPEG is placed as it came when it needs no fit), never more than
 * `MAX_FIGMA_IMAGE_SIDE` a side (the panel downscales, but createImage must never see a larger one).
 */
export function checkImageForFigma(bytes: Uint8Array): Result<{ width: number; height: number }> {
  const header = readImageHeader(bytes);
  if (!header || header.mimeType === 'image/webp') return fail(appError('unsupported_image'));
  if (!withinFigmaSide(header)) {
    return fail(
      appError(
        'image_too_large',
        `The result is ${header.width}×${header.height} px; Figma takes at most ${MAX_FIGMA_IMAGE_SIDE} a side.`,
      ),
    );
  }
  return ok({ width: header.width, height: header.height });
}

function withinFigmaSide(size: { width: number; height: number }): boolean {
  return size.width <= MAX_FIGMA_IMAGE_SIDE && size.height <= MAX_FIGMA_IMAGE_SIDE;
}
