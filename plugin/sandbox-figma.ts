/**
 * The `figma` the sandbox code works with: the part of Figma's `PluginAPI` it uses, which both the real `figma` and
 * the Figma double (dev/figma-double/) satisfy. Everything except `main.ts` takes it as a parameter, so tests and the
 * playground pass the double where Figma passes the real `figma`.
 *
 * The interface is named `PluginAPI` on purpose: Figma's lint rules (@figma/eslint-plugin-figma-plugins) find a
 * forbidden sync call by the receiver's type name, and a plain `Pick<PluginAPI, …>` carries no name, so calls
 * through the port escaped them. Under this name `api.currentPage = page` or `api.getNodeById(id)` fails lint as
 * `figma.…` does (test/lint/figma-rules.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the name is the point (see above)
interface PluginAPI extends Pick<
  globalThis.PluginAPI,
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
  | 'getImageByHash'
  | 'root'
  | 'getLocalPaintStylesAsync'
  | 'getLocalTextStylesAsync'
  | 'variables'
> {}

/** The part of Figma's `PluginAPI` the sandbox uses, under the name Figma's lint rules recognise (see above). */
export type SandboxFigma = PluginAPI;
