/** Reads a layer into the plain snapshot the panel shows (STYLE.md principle 4). */
import type { NodeSnapshot } from '../core/messages.js';
import { TURN_RECORD_KEY } from '../core/turn-record.js';

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
  };
}
