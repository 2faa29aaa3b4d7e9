/**
 * READ_BRAND and SET_BRAND_FRAME: the file's brand (plugin/read-brand.ts), and marking or clearing its brand frame.
 * The mark is document plugin data on `figma.root` (docs/figma-platform.md#plugin-data), so the whole team shares it;
 * it changes no layer.
 */
import { BRAND_FRAME_KEY } from '../../core/brand-snapshot.js';
import { appError } from '../../core/errors.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { fail, ok } from '../../core/result.js';
import { findSceneNodeAsync } from '../find-scene-node.js';
import type { HandlerContext } from '../handler-context.js';
import { BRAND_FRAME_TYPES } from '../read-brand-frame.js';
import { readBrandAsync } from '../read-brand.js';

export const handleReadBrand: UiMessageHandlers<HandlerContext>['READ_BRAND'] = async (_message, { figma }) =>
  ok(await readBrandAsync(figma));

export const handleSetBrandFrame: UiMessageHandlers<HandlerContext>['SET_BRAND_FRAME'] = async (message, { figma }) => {
  if (message.nodeId === null) {
    figma.root.setPluginData(BRAND_FRAME_KEY, '');
    return ok(await readBrandAsync(figma));
  }
  const found = await findSceneNodeAsync(figma, message.nodeId);
  if (!found.ok) return found;
  if (!BRAND_FRAME_TYPES.has(found.value.type)) {
    return fail(
      appError(
        'bad_request',
        `"${found.value.name}" is a ${found.value.type.toLowerCase()} layer. Select a frame that holds the logo and ` +
          'colour swatches, then mark it as the brand frame.',
      ),
    );
  }
  figma.root.setPluginData(BRAND_FRAME_KEY, found.value.id);
  return ok(await readBrandAsync(figma));
};
