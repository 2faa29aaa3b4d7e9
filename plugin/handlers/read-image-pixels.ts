/**
 * READ_IMAGE_PIXELS: the pixel size of the image a layer shows, for Boost resolution's "before": its one visible
 * IMAGE fill's own size (`Image.getSizeAsync`, the file's pixels whatever the layer's size:
 * docs/figma-platform.md#image-fills-keep-their-pixels), or null when it shows no single image.
 */
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';

export const handleReadImagePixels: UiMessageHandlers<HandlerContext>['READ_IMAGE_PIXELS'] = async (
  message,
  { figma },
) => {
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  const node = found.value;
  if (!('fills' in node) || !Array.isArray(node.fills)) return ok(null);
  const visible = (node.fills as readonly Paint[]).filter((paint) => paint.visible !== false);
  const paint = visible[0];
  if (visible.length !== 1 || paint?.type !== 'IMAGE' || !paint.imageHash) return ok(null);
  const image = figma.getImageByHash(paint.imageHash);
  if (!image) return ok(null);
  const { width, height } = await image.getSizeAsync();
  return ok({ width, height });
};
