/** Reads a layer into the plain snapshot the panel shows (docs/contributing.md#plain-snapshots-cross-never-nodes). */
import { exportScaleOf } from '../core/export-scale.js';
import type { NodeSnapshot } from '../core/messages.js';
import { MAX_SNAPSHOT_VARIANTS } from '../core/node-snapshot.js';
import { TURN_RECORD_KEY } from '../core/turn-record.js';
import { readTextLayers } from './read-text-layers.js';

/** A plain copy of what the panel needs to know about `node`. */
export function snapshotNode(node: SceneNode): NodeSnapshot {
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    width: node.width,
    height: node.height,
    hasText: node.type === 'TEXT' || ('findOne' in node && node.findOne((n) => n.type === 'TEXT') !== null),
    hasImageFill: 'fills' in node && Array.isArray(node.fills) && node.fills.some((paint) => paint.type === 'IMAGE'),
    hasTurn: node.getPluginData(TURN_RECORD_KEY) !== '',
    ...imageHashField(node),
    ...precisionFields(node),
    ...kindFields(node),
  };
}

/** Layer types a text layer's frame can be: what the panel edits instead of the text. */
const FRAME_TYPES: readonly string[] = ['FRAME', 'COMPONENT', 'INSTANCE'];

/**
 * What the panel offers instead of editing the layer itself: for a text layer, its nearest frame; for a component
 * set, its variants.
 */
function kindFields(node: SceneNode): Pick<NodeSnapshot, 'frame' | 'variantCount' | 'variants'> {
  if (node.type === 'TEXT') {
    let parent = node.parent;
    while (parent && parent.type !== 'PAGE' && parent.type !== 'DOCUMENT' && !FRAME_TYPES.includes(parent.type)) {
      parent = parent.parent;
    }
    return parent && FRAME_TYPES.includes(parent.type)
      ? { frame: { id: parent.id, name: parent.name.slice(0, 200) } }
      : {};
  }
  if (node.type === 'COMPONENT_SET') {
    const variants = node.children
      .slice(0, MAX_SNAPSHOT_VARIANTS)
      .map((v) => ({ id: v.id, name: v.name.slice(0, 200) }));
    return { variantCount: node.children.length, variants };
  }
  return {};
}

/**
 * The hash of the image the layer shows as it is (see `imageHash` in core/node-snapshot.ts): one visible fill, an IMAGE
 * paint filling the layer unrotated at full opacity with no filters, and no visible leaf inside but text (a
 * result with Keep text editable carries its live text). Anything else, and the layer no longer shows exactly an
 * image Figma knows by that hash.
 */
function imageHashField(node: SceneNode): Pick<NodeSnapshot, 'imageHash'> {
  if (!('fills' in node) || !Array.isArray(node.fills)) return {};
  const visible = (node.fills as readonly Paint[]).filter((paint) => paint.visible !== false);
  const paint = visible[0];
  if (visible.length !== 1 || paint?.type !== 'IMAGE' || !paint.imageHash) return {};
  const adjusted =
    paint.scaleMode !== 'FILL' ||
    (paint.rotation ?? 0) !== 0 ||
    (paint.opacity ?? 1) !== 1 ||
    Object.values(paint.filters ?? {}).some((value) => (value ?? 0) !== 0);
  if (adjusted) return {};
  const covered =
    'findAll' in node && node.findAll((n) => n.visible && n.type !== 'TEXT' && !('children' in n)).length > 0;
  return covered ? {} : { imageHash: paint.imageHash };
}

/**
 * What precise edits and posters need: the box on the page, the export scale, and the text layers inside (for a
 * container).
 */
function precisionFields(node: SceneNode): Pick<NodeSnapshot, 'box' | 'exportScale' | 'texts'> {
  const box = node.absoluteBoundingBox;
  const settings = 'exportSettings' in node && Array.isArray(node.exportSettings) ? node.exportSettings : [];
  const texts = readTextLayers(node);
  return {
    ...(box ? { box: { x: box.x, y: box.y, width: box.width, height: box.height } } : {}),
    exportScale: exportScaleOf(settings, node.width || 1, node.height || 1),
    ...(texts ? { texts } : {}),
  };
}
