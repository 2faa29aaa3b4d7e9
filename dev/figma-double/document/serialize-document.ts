/**
 * The whole document as plain JSON (nodes with their state and plugin data, image bytes as base64) and back, ids
 * kept. The playground saves and loads with it, and tests use it for "a teammate opens the file".
 *
 * Only images that some paint uses are saved by default: whether Figma keeps an image no fill uses is unverified
 * (docs/figma-platform.md#images-live-in-fills), so the double assumes it does not, and history that relies on a bare
 * hash fails here first.
 */
import { base64ToBytes, bytesToBase64 } from '../../../core/base64.js';
import { imageHashesOf, deepFreeze } from '../paints.js';
import type { BaseProps, NodeDouble } from '../nodes/node-double.js';
import { SUPPORTED_TYPES } from '../nodes/make-node.js';
import type { DocumentDouble } from '../nodes/document-double.js';
import type { PageDouble } from '../nodes/page-double.js';
import { subtree } from '../nodes/tree.js';
import type { DoubleContext } from './context.js';

/** One node in a saved document. */
export interface SerializedNode {
  id: string;
  type: NodeType;
  /** Name, plugin data, geometry, paints, text… exactly the double's state for that node type. */
  state: Record<string, unknown>;
  children?: SerializedNode[];
}

/** A saved document. */
export interface SerializedDocument {
  format: 'figma-double-document';
  version: 1;
  currentPageId: string;
  root: SerializedNode;
  /** Image bytes by hash, base64. */
  images: Record<string, string>;
}

/** Options for saving. */
export interface SerializeOptions {
  /** Also save images no paint uses (off by default; see the module comment). */
  keepUnreferencedImages?: boolean;
}

/** Saves the document. */
export function serializeContext(ctx: DoubleContext, options: SerializeOptions = {}): SerializedDocument {
  const write = (node: NodeDouble): SerializedNode => ({
    id: node.id,
    type: node.type,
    state: JSON.parse(JSON.stringify(node.$state)) as Record<string, unknown>,
    ...(node.$children ? { children: node.$children.map(write) } : {}),
  });
  const used = new Set<string>();
  for (const node of subtree(ctx.root)) {
    const s = node.$state as { fills?: readonly Paint[]; strokes?: readonly Paint[]; backgrounds?: readonly Paint[] };
    for (const paints of [s.fills, s.strokes, s.backgrounds]) for (const h of imageHashesOf(paints ?? [])) used.add(h);
  }
  const images: Record<string, string> = {};
  for (const image of ctx.images.all()) {
    if (options.keepUnreferencedImages || used.has(image.hash)) images[image.hash] = bytesToBase64(image.bytes);
  }
  return {
    format: 'figma-double-document',
    version: 1,
    currentPageId: ctx.currentPage.id,
    root: write(ctx.root),
    images,
  };
}

/** Replaces the context's document with a saved one (old node objects become removed). */
export function loadIntoContext(ctx: DoubleContext, doc: SerializedDocument): void {
  if (doc?.format !== 'figma-double-document' || doc.version !== 1)
    throw new Error('Not a saved Figma double document');
  for (const node of ctx.registry.values()) node.$removed = true;
  ctx.registry.clear();
  ctx.images.clear();
  ctx.loadedPages.clear();
  ctx.allPagesLoaded = false;
  for (const [hash, base64] of Object.entries(doc.images)) {
    const image = ctx.images.add(base64ToBytes(base64), 'loadDocument');
    if (image.hash !== hash) throw new Error(`Saved image ${hash} does not match its bytes (hash ${image.hash})`);
  }
  let maxSession = 0;
  const read = (saved: SerializedNode, parent: NodeDouble | null): NodeDouble => {
    if (!(SUPPORTED_TYPES as readonly string[]).includes(saved.type))
      throw new Error(`Unsupported node type ${saved.type}`);
    if (ctx.registry.has(saved.id)) throw new Error(`Duplicate node id ${saved.id}`);
    const node = ctx.make(saved.type, saved.id);
    node.$state = deepFreeze({ ...node.$state, ...(saved.state as Partial<BaseProps>) });
    node.$parent = parent;
    const session = /^(\d+):/.exec(saved.id);
    if (session) maxSession = Math.max(maxSession, Number(session[1]));
    if (node.$children) node.$children = (saved.children ?? []).map((c) => read(c, node));
    return node;
  };
  const root = read(doc.root, null);
  if (root.type !== 'DOCUMENT') throw new Error('The saved root is not a document');
  ctx.root = root as DocumentDouble;
  const current = ctx.registry.get(doc.currentPageId) ?? root.$children?.[0];
  if (!current || current.type !== 'PAGE') throw new Error('The saved document has no pages');
  ctx.currentPage = current as PageDouble;
  ctx.loadedPages.add(current.id);
  // Whoever opens the file is a new session, so new ids never collide with saved ones.
  ctx.session = maxSession + 1;
  ctx.changed();
}
