/** Reads a layer into the plain snapshot the panel shows (STYLE.md principle 4). */
import { exportScaleOf } from '../core/export-scale.js';
import type { NodeSnapshot } from '../core/messages.js';
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
    ...precisionFields(node),
  };
}

/** What issue 7 adds: the box on the page, the export scale, and the text layers inside (for a container). */
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
