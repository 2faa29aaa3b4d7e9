/**
 * The references a conversation carries from turn to turn (docs/architecture.md#context-sent-to-gemini): a product
 * or a style given at turn 1 is sent again with every later turn of the chain, since the base image alone lets it
 * drift.
 */
import type { ImageRole } from './image-sizes.js';
import type { TurnRecord } from './turn-record.js';

/** A reference layer an earlier turn of the chain used, to send again. */
export interface CarriedReference {
  nodeId: string;
  role: Exclude<ImageRole, 'base'>;
}

/**
 * The references the chain's turns used, for the next turn to send again, oldest first: a product or a style
 * given at turn 1 should still hold at turn 5, and the base image alone lets it drift. A layer used by several
 * turns counts from its latest use (with that use's role); layers in `exclude` (the base, the new references)
 * are left out. Whether each layer still exists is the caller's to check.
 */
export function carriedReferences(
  chain: readonly Pick<TurnRecord, 'inputs'>[],
  exclude: ReadonlySet<string> = new Set(),
): CarriedReference[] {
  const latest = new Map<string, CarriedReference>();
  for (const turn of chain) {
    for (const input of turn.inputs) {
      if (input.role === 'base' || exclude.has(input.nodeId)) continue;
      latest.delete(input.nodeId);
      latest.set(input.nodeId, { nodeId: input.nodeId, role: input.role });
    }
  }
  return [...latest.values()];
}
