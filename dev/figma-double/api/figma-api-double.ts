/**
 * The double's `figma` object: `FigmaDoubleApi` (a `Pick<PluginAPI, …>`) as it behaves under `documentAccess:
 * "dynamic-page"` (docs/figma-platform.md#dynamic-page-loading): sync getters throw, pages other than the current one
 * load on demand, events and messages arrive asynchronously, and everything stops after `closePlugin`. The session
 * members (UI, storage, events, undo, closing) are in dev/figma-double/api/plugin-session-double.ts; this file holds
 * the document: pages, nodes, images and fonts.
 */
import { base64ToBytes, bytesToBase64 } from '../../../core/base64.js';
import { AVAILABLE_FONTS } from '../document/font-book.js';
import { dynamicPageError, figmaError } from '../errors.js';
import type { FigmaDoubleApi } from '../figma-double-api.js';
import { ImageHandle } from '../images/image-handle.js';
import { expose, unwrap, type NodeDouble } from '../nodes/node-double.js';
import type { PageDouble } from '../nodes/page-double.js';
import { insertChild, pageOf } from '../nodes/tree.js';
import { PaintStyleDouble } from '../styles/paint-style-double.js';
import { TextStyleDouble } from '../styles/text-style-double.js';
import { VariablesApiDouble } from '../styles/variables-api-double.js';
import { PluginSessionDouble } from './plugin-session-double.js';
import { combineAsVariants, componentFromNode, groupNodes, ungroupNode } from './restructure.js';

/** The `figma` object. `$`-prefixed members are the double's own, for its helpers. */
export class FigmaApiDouble extends PluginSessionDouble implements FigmaDoubleApi {
  get root(): DocumentNode {
    return expose<DocumentNode>(this.$open('get_root').root);
  }

  get currentPage(): PageNode {
    return expose<PageNode>(this.$open('get_currentPage').currentPage);
  }
  set currentPage(_page: PageNode) {
    this.$open('set_currentPage');
    throw dynamicPageError('set_currentPage', 'set figma.currentPage', 'figma.setCurrentPageAsync');
  }

  /** Switches page (loading it); fires `currentpagechange` and `selectionchange`. */
  async setCurrentPageAsync(page: PageNode): Promise<void> {
    const ctx = this.$open('setCurrentPageAsync');
    const target = unwrap(page, 'setCurrentPageAsync', ctx);
    if (target.type !== 'PAGE') throw figmaError('setCurrentPageAsync', 'Expected a page');
    ctx.loadedPages.add(target.id);
    if (ctx.currentPage === target) return;
    ctx.currentPage = target as PageDouble;
    ctx.events.emitLater('currentpagechange');
    ctx.events.emitLater('selectionchange');
  }

  async loadAllPagesAsync(): Promise<void> {
    this.$open('loadAllPagesAsync').allPagesLoaded = true;
  }

  /** The node, loading its page; null for unknown or removed ids. */
  async getNodeByIdAsync(id: string): Promise<BaseNode | null> {
    const ctx = this.$open('getNodeByIdAsync');
    if (typeof id !== 'string') throw figmaError('getNodeByIdAsync', 'Expected "id" to be a string');
    const node = ctx.registry.get(id);
    if (!node || node.$removed) return null;
    const page = pageOf(node);
    if (page) ctx.loadedPages.add(page.id);
    return expose<BaseNode>(node);
  }

  getNodeById(_id: string): BaseNode | null {
    this.$open('getNodeById');
    throw dynamicPageError('getNodeById', 'call getNodeById', 'figma.getNodeByIdAsync');
  }

  /** A local paint or text style by id (the double has no effect or grid styles), or null. */
  async getStyleByIdAsync(id: string): Promise<BaseStyle | null> {
    const { styles } = this.$open('getStyleByIdAsync');
    const style = styles.paintStyles.get(id) ?? styles.textStyles.get(id);
    return (style as BaseStyle | undefined) ?? null;
  }

  /** The local paint styles, in the order they were made (dev/figma-double/styles/). */
  async getLocalPaintStylesAsync(): Promise<PaintStyle[]> {
    return [...this.$open('getLocalPaintStylesAsync').styles.paintStyles.values()] as unknown as PaintStyle[];
  }

  /** The local text styles, in the order they were made. */
  async getLocalTextStylesAsync(): Promise<TextStyle[]> {
    return [...this.$open('getLocalTextStylesAsync').styles.textStyles.values()] as unknown as TextStyle[];
  }

  createPaintStyle(): PaintStyle {
    const { styles } = this.$open('createPaintStyle');
    const style = new PaintStyleDouble(styles, `S:${styles.next()},`);
    styles.paintStyles.set(style.id, style);
    return style as unknown as PaintStyle;
  }

  createTextStyle(): TextStyle {
    const ctx = this.$open('createTextStyle');
    const style = new TextStyleDouble(ctx.styles, ctx.fonts, `S:${ctx.styles.next()},`);
    ctx.styles.textStyles.set(style.id, style);
    return style as unknown as TextStyle;
  }

  /** `figma.variables` (dev/figma-double/styles/variables-api-double.ts). */
  get variables(): VariablesAPI {
    this.$open('get_variables');
    return (this.$variables ??= new VariablesApiDouble(this.$ctx)) as unknown as VariablesAPI;
  }
  private $variables: VariablesApiDouble | undefined;

  getStyleById(_id: string): BaseStyle | null {
    this.$open('getStyleById');
    throw dynamicPageError('getStyleById', 'call getStyleById', 'figma.getStyleByIdAsync');
  }

  /** Makes a node and puts it on the current page, at (0, 0), as Figma's create* calls do. */
  private $create<T>(type: NodeType, operation: string): T {
    const ctx = this.$open(operation);
    const node = ctx.make<NodeDouble>(type);
    insertChild(ctx.currentPage, null, node, operation);
    return expose<T>(node);
  }

  createFrame(): FrameNode {
    return this.$create<FrameNode>('FRAME', 'createFrame');
  }

  createRectangle(): RectangleNode {
    return this.$create<RectangleNode>('RECTANGLE', 'createRectangle');
  }

  createEllipse(): EllipseNode {
    return this.$create<EllipseNode>('ELLIPSE', 'createEllipse');
  }

  createVector(): VectorNode {
    return this.$create<VectorNode>('VECTOR', 'createVector');
  }

  createPolygon(): PolygonNode {
    return this.$create<PolygonNode>('POLYGON', 'createPolygon');
  }

  createStar(): StarNode {
    return this.$create<StarNode>('STAR', 'createStar');
  }

  createText(): TextNode {
    return this.$create<TextNode>('TEXT', 'createText');
  }

  createComponent(): ComponentNode {
    return this.$create<ComponentNode>('COMPONENT', 'createComponent');
  }

  createComponentFromNode(node: SceneNode): ComponentNode {
    return componentFromNode(this.$open('createComponentFromNode'), node);
  }

  /** A new, empty (and loaded) page at the end of the document. */
  createPage(): PageNode {
    const ctx = this.$open('createPage');
    const page = ctx.make<PageDouble>('PAGE');
    ctx.loadedPages.add(page.id);
    insertChild(ctx.root, null, page, 'createPage');
    return expose<PageNode>(page);
  }

  combineAsVariants(
    nodes: ReadonlyArray<ComponentNode>,
    parent: BaseNode & ChildrenMixin,
    index?: number,
  ): ComponentSetNode {
    return combineAsVariants(this.$open('combineAsVariants'), nodes, parent, index);
  }

  group(nodes: ReadonlyArray<BaseNode>, parent: BaseNode & ChildrenMixin, index?: number): GroupNode {
    return groupNodes(this.$open('group'), nodes, parent, index);
  }

  ungroup(node: SceneNode & ChildrenMixin): Array<SceneNode> {
    return ungroupNode(this.$open('ungroup'), node);
  }

  /** Stores PNG, JPEG or GIF bytes of at most 4096 px a side (docs/figma-platform.md#images-at-most-4096-px). */
  createImage(data: Uint8Array): Image {
    const ctx = this.$open('createImage');
    return new ImageHandle(ctx, ctx.images.add(data));
  }

  /** The double has no network: load bytes in the UI and call `createImage`. */
  async createImageAsync(_src: string): Promise<Image> {
    this.$open('createImageAsync');
    throw figmaError(
      'createImageAsync',
      'Network access is not available in the Figma double: fetch the bytes in the UI and use figma.createImage',
    );
  }

  getImageByHash(hash: string): Image | null {
    const ctx = this.$open('getImageByHash');
    const image = ctx.images.get(hash);
    return image ? new ImageHandle(ctx, image) : null;
  }

  async loadFontAsync(fontName: FontNameInput): Promise<void> {
    this.$open('loadFontAsync').fonts.load(fontName as FontName);
  }

  async listAvailableFontsAsync(): Promise<Font[]> {
    this.$open('listAvailableFontsAsync');
    return AVAILABLE_FONTS.map((fontName) => ({ fontName }));
  }

  base64Encode(data: Uint8Array): string {
    this.$open('base64Encode');
    return bytesToBase64(data);
  }

  base64Decode(data: string): Uint8Array {
    this.$open('base64Decode');
    return base64ToBytes(data);
  }
}
