/**
 * What kind of selection the panel has, so it offers only what works for it (docs/architecture.md#what-each-selection-offers):
 * nothing selected (a new image), something to edit, several results (a component set, or one as the base), a
 * component set (its variants), a lone text layer (its frame), or layers with nothing to edit among them. Pure, so
 * the rules are tested as a table (test/core/selection-kind.test.ts).
 */
import type { NodeSnapshot } from './node-snapshot.js';
import type { SelectionRoles } from './selection-roles.js';

/** A layer named by id and name. */
export interface NamedLayer {
  id: string;
  name: string;
}

/** The selection as the panel acts on it. */
export type SelectionKind =
  | { kind: 'none' }
  | { kind: 'edit' }
  | { kind: 'results'; count: number }
  | { kind: 'component-set'; name: string; variantCount: number; variants: NamedLayer[] }
  | { kind: 'text'; name: string; frame: NamedLayer | null }
  | { kind: 'layers'; count: number };

/** Layer types that export as a picture of something: frames and what holds layers. */
const PICTURE_TYPES: readonly string[] = ['FRAME', 'COMPONENT', 'INSTANCE', 'GROUP'];

/** Whether a layer is worth editing as an image: a frame or group, an image layer, or a result. */
function isPictureLayer(layer: NodeSnapshot): boolean {
  return PICTURE_TYPES.includes(layer.type) || layer.hasImageFill || layer.hasTurn;
}

/**
 * The kind of the selection: `layers` are the snapshots the sandbox sent (with the layer under a lone shape first
 * when it found one), `count` how many are selected, `roles` the selection read as base, region and references.
 */
export function selectionKindOf(
  layers: readonly NodeSnapshot[],
  count: number,
  roles: Pick<SelectionRoles<NodeSnapshot>, 'base' | 'region'>,
): SelectionKind {
  if (count === 0) return { kind: 'none' };
  const only = count === 1 && layers.length === 1 ? layers[0] : undefined;
  if (only?.type === 'TEXT') return { kind: 'text', name: only.name, frame: only.frame ?? null };
  if (only?.type === 'COMPONENT_SET') {
    const variants = only.variants ?? [];
    return { kind: 'component-set', name: only.name, variantCount: only.variantCount ?? variants.length, variants };
  }
  if (count > 1 && roles.base === null && layers.length > 0 && layers.every((layer) => layer.hasTurn)) {
    return { kind: 'results', count };
  }
  if (!roles.base || count > layers.length) return { kind: 'layers', count };
  if (layers.length > 1 && !roles.region && !layers.some(isPictureLayer)) return { kind: 'layers', count };
  return { kind: 'edit' };
}
