/**
 * The part of Figma's `PluginAPI` the double implements. Plugin code takes `figma` as a parameter typed with a
 * `Pick<PluginAPI, …>` (plugin/sandbox-figma.ts); the double's `figma` is assignable to any such Pick of these keys.
 *
 * Node objects are typed as Figma's full node types, but each node class implements a checked subset only
 * (`FrameDouble implements Pick<FrameNode, FrameKeys>` and so on, see nodes/*); members outside those subsets are
 * absent at run time (reading one gives `undefined`, calling one throws a TypeError). Full conformance is impossible:
 * `FrameNode` alone has several hundred members (auto layout, variables, prototyping, annotations…).
 */
export type FigmaDoubleApi = Pick<
  PluginAPI,
  | 'apiVersion'
  | 'command'
  | 'editorType'
  | 'mode'
  | 'pluginId'
  | 'fileKey'
  | 'currentUser'
  | 'viewport'
  | 'clientStorage'
  | 'showUI'
  | 'ui'
  | 'notify'
  | 'closePlugin'
  | 'commitUndo'
  | 'triggerUndo'
  | 'on'
  | 'once'
  | 'off'
  | 'mixed'
  | 'root'
  | 'currentPage'
  | 'setCurrentPageAsync'
  | 'loadAllPagesAsync'
  | 'getNodeByIdAsync'
  | 'getNodeById'
  | 'getStyleByIdAsync'
  | 'getStyleById'
  | 'getLocalPaintStylesAsync'
  | 'getLocalTextStylesAsync'
  | 'createPaintStyle'
  | 'createTextStyle'
  | 'variables'
  | 'createFrame'
  | 'createRectangle'
  | 'createEllipse'
  | 'createVector'
  | 'createPolygon'
  | 'createStar'
  | 'createText'
  | 'createComponent'
  | 'createComponentFromNode'
  | 'createPage'
  | 'combineAsVariants'
  | 'group'
  | 'ungroup'
  | 'createImage'
  | 'createImageAsync'
  | 'getImageByHash'
  | 'loadFontAsync'
  | 'listAvailableFontsAsync'
  | 'base64Encode'
  | 'base64Decode'
>;
