/**
 * The part of Figma's `PluginAPI` the sandbox code uses. Everything except `main.ts` takes it as a parameter, so
 * tests and the playground pass the Figma double (test/fakes/figma/) where Figma passes the real `figma`.
 */
export type PluginApiSubset = Pick<
  PluginAPI,
  | 'showUI'
  | 'ui'
  | 'on'
  | 'off'
  | 'currentPage'
  | 'viewport'
  | 'clientStorage'
  | 'currentUser'
  | 'commitUndo'
  | 'notify'
  | 'createFrame'
  | 'createImage'
  | 'getNodeByIdAsync'
  | 'createComponentFromNode'
  | 'combineAsVariants'
  | 'triggerUndo'
>;
