/**
 * What each selected layer is for: with several layers selected, one is the **base** (the frame being
 * edited), a shape drawn over it marks the **region** of a regional edit, and the others are **references**, each
 * marked in the panel as style, subject or product. Pure, so the rules are tested as a table.
 *
 * The base is the one the person chose; otherwise the largest frame (the first of equal ones); otherwise the first
 * layer that is not a bare shape; otherwise the first layer. Several results and nothing else (a batch of variants,
 * the selection "Make component set" works on) have no base until the person picks one: they are not references.
 *
 * A reference's role is the person's choice; otherwise the one its name says (core/role-from-name.ts: "Logo",
 * "Product shot", "Model"); otherwise none, and the panel asks for one before Generate (core/edit-inputs.ts).
 */
import type { Rect } from './aspect.js';
import type { ImageRole } from './image-sizes.js';
import { roleFromName } from './role-from-name.js';

/** The roles a reference layer can have. */
export const REFERENCE_ROLES = ['style', 'subject', 'product'] as const;
export type ReferenceRole = Extract<ImageRole, (typeof REFERENCE_ROLES)[number]>;

/** Layer types that can mark a region: closed shapes and pen paths (a line is refused later: it has no area). */
export const REGION_SHAPE_TYPES: readonly string[] = [
  'RECTANGLE',
  'ELLIPSE',
  'POLYGON',
  'STAR',
  'VECTOR',
  'BOOLEAN_OPERATION',
  'LINE',
];

/** Layer types that are frames, and so preferred as the base. */
const FRAME_TYPES: readonly string[] = ['FRAME', 'COMPONENT', 'INSTANCE'];

/** What the rules read of a selected layer (a `NodeSnapshot` has all of it). */
export interface SelectedLayer {
  id: string;
  /** The layer's name: a reference's role may come from it. */
  name?: string;
  type: string;
  width: number;
  height: number;
  /** The layer's box on the page, when known; a shape marks a region only when it overlaps the base's box. */
  box?: Rect | undefined;
  hasImageFill: boolean;
  /** The layer is a Banana Studio result. */
  hasTurn?: boolean;
}

/** The selection read as base, region and references. */
export interface SelectionRoles<T extends SelectedLayer> {
  base: T | null;
  /** How the base was chosen, for the panel to say. */
  baseReason: 'chosen' | 'largest-frame' | 'only-frame' | 'first' | 'under-shape' | null;
  /** The shape that marks the region, or null for a whole-frame edit. */
  region: T | null;
  /** Further shapes over the base: a regional edit takes one. */
  extraShapes: T[];
  /** The other layers, in selection order, with their roles; null when neither the person nor the name gave one. */
  references: { layer: T; role: ReferenceRole | null }[];
}

/** The person's choices: which layer is the base, and the role of each reference. */
export interface SelectionChoices {
  baseId?: string | null;
  roles?: ReadonlyMap<string, ReferenceRole>;
  /** The layer under a shape selected alone (plugin/find-region-host.ts): the base unless the person chose one. */
  regionHostId?: string | null;
}

/**
 * The layers the rules read: the selection, after the layer under a lone shape when the sandbox found one, so
 * a shape selected alone over a photo reads as the photo with a region.
 */
export function withRegionHost<T extends SelectedLayer>(selection: readonly T[], host: T | null): readonly T[] {
  return host && !selection.some((layer) => layer.id === host.id) ? [host, ...selection] : selection;
}

/** Whether a layer is a bare shape (no image of its own), the kind that marks a region. */
export function isShapeLayer(layer: Pick<SelectedLayer, 'type' | 'hasImageFill'>): boolean {
  return REGION_SHAPE_TYPES.includes(layer.type) && !layer.hasImageFill;
}

function overlaps(a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return true;
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Reads the selection (in selection order) as base, region and references. */
export function interpretSelection<T extends SelectedLayer>(
  layers: readonly T[],
  choices: SelectionChoices = {},
): SelectionRoles<T> {
  if (layers.length === 0) return { base: null, baseReason: null, region: null, extraShapes: [], references: [] };
  let base: T | undefined = layers.find((layer) => layer.id === choices.baseId);
  let baseReason: SelectionRoles<T>['baseReason'] = base ? 'chosen' : null;
  if (!base && choices.regionHostId) {
    base = layers.find((layer) => layer.id === choices.regionHostId);
    if (base) baseReason = 'under-shape';
  }
  if (!base && layers.length > 1 && layers.every((layer) => layer.hasTurn)) {
    return { base: null, baseReason: null, region: null, extraShapes: [], references: [] };
  }
  if (!base) {
    let largest: T | undefined;
    let frames = 0;
    for (const layer of layers) {
      if (!FRAME_TYPES.includes(layer.type)) continue;
      frames++;
      if (!largest || layer.width * layer.height > largest.width * largest.height) largest = layer;
    }
    base = largest ?? layers.find((layer) => !isShapeLayer(layer)) ?? layers[0]!;
    baseReason = layers.length === 1 ? 'chosen' : frames > 1 ? 'largest-frame' : largest ? 'only-frame' : 'first';
  }
  const shapes: T[] = [];
  const references: SelectionRoles<T>['references'] = [];
  for (const layer of layers) {
    if (layer === base) continue;
    if (isShapeLayer(layer) && overlaps(layer.box, base.box)) shapes.push(layer);
    else references.push({ layer, role: choices.roles?.get(layer.id) ?? roleFromName(layer.name ?? '') });
  }
  return { base, baseReason, region: shapes[0] ?? null, extraShapes: shapes.slice(1), references };
}
