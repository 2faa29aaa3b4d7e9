/**
 * The in-memory Figma double: a fake of the parts of Figma's Plugin API that Banana Studio's sandbox code uses,
 * for vitest in Node and for the browser playground. Pure TypeScript (plus core/png.ts and jpeg-js): no Node
 * modules, no DOM, no canvas.
 */
export { createFigmaDouble, doubleOf, describeNodes, loadDocument, serializeDocument } from './create-figma-double.js';
export type { FigmaDouble, FigmaDoubleOptions } from './create-figma-double.js';
export type { FigmaDoubleApi } from './figma-double-api.js';
export type { UiHost } from './ui/ui-host.js';
export { createFakeUiPanel, type FakeUiPanel } from './ui/fake-ui-panel.js';
export type { UiState } from './ui/ui-double.js';
export type { RenderedPixels } from './render/canvas.js';
export type { SerializedDocument, SerializedNode, SerializeOptions } from './document/serialize-document.js';
export type { NodeDescription } from './document/describe-nodes.js';
export type { NotificationRecord } from './document/notifications.js';
export { createSampleDocument, type SampleDocument } from './sample-document.js';
export { createSampleBrandAsync, SAMPLE_BRAND_GUIDANCE, type SampleBrand } from './sample-brand.js';
export { makePngBytes, solidPngBytes, sunsetPngBytes, productPngBytes, type Rgba8 } from './sample-images.js';
export { PLUGIN_DATA_ENTRY_LIMIT_BYTES, pluginDataEntryBytes } from './nodes/plugin-data.js';
export { CLIENT_STORAGE_LIMIT_BYTES } from './document/client-storage-double.js';
export { MAX_IMAGE_SIDE } from './images/image-store.js';
export { AVAILABLE_FONTS } from './document/font-book.js';
export { DEFAULT_USER } from './api/defaults.js';
