/** The handler table: one entry per panel message type (a missing one does not compile). */
import type { UiMessageHandlers } from '../../core/messages.js';
import type { HandlerContext } from '../handler-context.js';
import { handleExportNode } from './export-node.js';
import { handleExportRegionMask } from './export-region-mask.js';
import { handleExportSource } from './export-source.js';
import { handleLoadSettings } from './load-settings.js';
import { handleMakeComponentSet } from './make-component-set.js';
import { handleNotify } from './notify.js';
import { handlePlaceResult } from './place-result.js';
import { handleReadHistory } from './read-history.js';
import { handleReadImagePixels } from './read-image-pixels.js';
import { handleReadPublishStatus } from './read-publish-status.js';
import { handleReadThumbnail } from './read-thumbnail.js';
import { handleReadTurn } from './read-turn.js';
import { handleResizePanel } from './resize-panel.js';
import { handleSaveSettings } from './save-settings.js';
import { handleSelectNodes } from './select-nodes.js';
import { handleUiReady } from './ui-ready.js';
import { handleReadBrand, handleSetBrandFrame } from './brand.js';
import { handleAdjustImage } from './adjust-image.js';
import { handlePeekFileKey, handleReadFileKey } from './file-key.js';
import { handleKeepBatchNote, handleReadBatchNote } from './batch-note.js';

export const handlers: UiMessageHandlers<HandlerContext> = {
  UI_READY: handleUiReady,
  LOAD_SETTINGS: handleLoadSettings,
  SAVE_SETTINGS: handleSaveSettings,
  EXPORT_NODE: handleExportNode,
  PLACE_RESULT: handlePlaceResult,
  SELECT_NODES: handleSelectNodes,
  READ_TURN: handleReadTurn,
  READ_HISTORY: handleReadHistory,
  READ_THUMBNAIL: handleReadThumbnail,
  NOTIFY: handleNotify,
  MAKE_COMPONENT_SET: handleMakeComponentSet,
  READ_PUBLISH_STATUS: handleReadPublishStatus,
  EXPORT_SOURCE: handleExportSource,
  EXPORT_REGION_MASK: handleExportRegionMask,
  RESIZE_PANEL: handleResizePanel,
  READ_IMAGE_PIXELS: handleReadImagePixels,
  READ_BRAND: handleReadBrand,
  SET_BRAND_FRAME: handleSetBrandFrame,
  READ_FILE_KEY: handleReadFileKey,
  ADJUST_IMAGE: handleAdjustImage,
  PEEK_FILE_KEY: handlePeekFileKey,
  KEEP_BATCH_NOTE: handleKeepBatchNote,
  READ_BATCH_NOTE: handleReadBatchNote,
};
