/**
 * The brand frame the designer marked once per file: its id is kept in document plugin data on `figma.root`
 * (core/brand-snapshot.ts `BRAND_FRAME_KEY`), so every teammate who opens the file reads the same one. Its logo is the
 * first layer in it named with the word "logo" (or the frame itself), and its palette sample is the solid fills of
 * the other shapes in it, read while the frame's page is the current one.
 */
import { BRAND_FRAME_NODE_TYPES, type BrandColour, type BrandFrame } from '../core/brand-snapshot.js';
import { hexOf, type BrandFigma } from './read-brand.js';

/** Most swatches read from the brand frame. */
export const MAX_FRAME_SWATCHES = 24;

/** What the brand frame gives: the frame, its swatches, and whether a marked frame has gone. */
export interface BrandFrameRead {
  frame: BrandFrame | null;
  palette: BrandColour[];
  missing: boolean;
}

/** Layers that can be a brand frame: ones that hold other layers. */
export const BRAND_FRAME_TYPES: ReadonlySet<string> = new Set(BRAND_FRAME_NODE_TYPES);

const LOGO_NAME = /\blogo\b/i;
const SWATCH_TYPES: ReadonlySet<NodeType> = new Set(['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR']);

/** Reads the frame whose id is `storedId` ('' when none was marked). */
export async function readBrandFrameAsync(figma: BrandFigma, storedId: string): Promise<BrandFrameRead> {
  if (storedId === '') return { frame: null, palette: [], missing: false };
  const node = await figma.getNodeByIdAsync(storedId);
  if (!node || node.removed || !BRAND_FRAME_TYPES.has(node.type) || !('findAll' in node)) {
    return { frame: null, palette: [], missing: true };
  }
  const container = node as SceneNode & ChildrenMixin;
  // Under dynamic-page another page's children are read only once that page is loaded
  // (docs/figma-platform.md#dynamic-page-loading): away from its page the frame is named, and nothing in it read.
  if (pageIdOf(container) !== figma.currentPage.id) {
    const logo = { nodeId: container.id, name: container.name };
    return {
      frame: { nodeId: container.id, name: container.name, logo, onCurrentPage: false },
      palette: [],
      missing: false,
    };
  }
  const logoLayer = container.findOne((n) => LOGO_NAME.test(n.name));
  const logo = logoLayer ?? container;
  const palette = container
    .findAll((n) => SWATCH_TYPES.has(n.type) && n !== logoLayer && n.visible)
    .flatMap((n) => swatchOf(n))
    .slice(0, MAX_FRAME_SWATCHES);
  return {
    frame: {
      nodeId: container.id,
      name: container.name,
      logo: { nodeId: logo.id, name: logo.name },
      onCurrentPage: true,
    },
    palette,
    missing: false,
  };
}

function swatchOf(node: SceneNode): BrandColour[] {
  if (!('fills' in node) || !Array.isArray(node.fills)) return [];
  const fills = node.fills as readonly Paint[];
  const solid = fills.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false);
  return solid ? [{ source: 'frame', name: node.name, hex: hexOf(solid.color), modes: [], hidden: false }] : [];
}

function pageIdOf(node: BaseNode): string | null {
  let current: BaseNode | null = node;
  while (current && current.type !== 'PAGE') current = current.parent;
  return current?.id ?? null;
}
