/**
 * Exports a layer as the base image of an edit (figma-api.md §3): PNG, the node's full box
 * (`useAbsoluteBounds`, so the result lines up with the frame), sRGB for predictable model input, and a
 * constraint that keeps the longest side within what the chosen size needs and within 4096.
 */
import { appError } from '../core/errors.js';
import { exportConstraint, MAX_FIGMA_IMAGE_SIDE } from '../core/export-plan.js';
import { readImageHeader } from '../core/image-header.js';
import type { ExportedImage } from '../core/messages.js';
import { fail, ok, type Result } from '../core/result.js';

/** The layer's pixels, or an error when it has no area or Figma's answer is not a usable PNG. */
export async function exportPngAsync(node: SceneNode, maxSide: number): Promise<Result<ExportedImage>> {
  if (!(node.width > 0 && node.height > 0)) {
    return fail(appError('bad_request', `"${node.name}" has no width or height, so there is nothing to edit.`));
  }
  const bytes = await node.exportAsync({
    format: 'PNG',
    constraint: exportConstraint(node.width, node.height, maxSide),
    useAbsoluteBounds: true,
    colorProfile: 'SRGB',
  });
  const header = readImageHeader(bytes);
  if (!header || header.mimeType !== 'image/png') {
    return fail(appError('unsupported_image', 'Figma did not return a PNG for this layer. Try again.'));
  }
  if (header.width > MAX_FIGMA_IMAGE_SIDE || header.height > MAX_FIGMA_IMAGE_SIDE) {
    return fail(appError('image_too_large'));
  }
  return ok({ nodeId: node.id, bytes, width: header.width, height: header.height });
}
