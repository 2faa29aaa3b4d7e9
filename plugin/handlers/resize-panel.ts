/**
 * RESIZE_PANEL: the panel's corner was dragged. Resizes the window (`UIAPI.resize`) to the size asked for, clamped
 * (core/panel-size.ts), and at the end of the drag keeps it in clientStorage for the next start.
 */
import type { UiMessageHandlers } from '../../core/messages.js';
import { clampPanelSize } from '../../core/panel-size.js';
import type { HandlerContext } from '../handler-context.js';
import { savePanelSizeAsync } from '../settings-store.js';

export const handleResizePanel: UiMessageHandlers<HandlerContext>['RESIZE_PANEL'] = async (message, { figma }) => {
  const size = clampPanelSize(message);
  figma.ui.resize(size.width, size.height);
  if (message.final) await savePanelSizeAsync(figma.clientStorage, size);
};
