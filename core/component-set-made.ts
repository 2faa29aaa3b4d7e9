/**
 * What MAKE_COMPONENT_SET and READ_PUBLISH_STATUS answer (core/reply-values.ts): the component set made from result
 * layers, and whether it is published to the team library (docs/variants.md).
 */
import * as z from 'zod/mini';
import { nodeId } from './message-fields.js';

/**
 * `getPublishStatusAsync()` of a component or set (docs/figma-platform.md#plugins-cannot-publish): never published,
 * published and unchanged, or changed since it was published. Plugins cannot publish; a person does, from the Assets
 * panel.
 */
export const publishStatusSchema = z.enum(['UNPUBLISHED', 'CURRENT', 'CHANGED']);
/** Whether a component set is published, and unchanged since. */
export type PublishStatus = z.infer<typeof publishStatusSchema>;

/** The component set a MAKE_COMPONENT_SET made. */
export const componentSetMadeSchema = z.object({
  setId: nodeId,
  name: z.string(),
  /** The components, in variant order (Variant=1 first). */
  componentIds: z.array(nodeId),
  /** Each component's name in Figma's variant syntax, e.g. `Variant=1` or `Prompt=warmer light, Variant=2`. */
  variantNames: z.array(z.string()),
  /** The variant properties Figma derives from those names, with their values. */
  properties: z.record(z.string(), z.array(z.string())),
  /** Null when this Figma cannot tell (no `getPublishStatusAsync`). */
  publishStatus: z.nullable(publishStatusSchema),
});
/** The component set a MAKE_COMPONENT_SET made. */
export type ComponentSetMade = z.infer<typeof componentSetMadeSchema>;
