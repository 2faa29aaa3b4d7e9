/**
 * Whether a component or component set is published to the team library. Plugins cannot publish
 * (docs/figma-platform.md#plugins-cannot-publish): a person does, from the Assets panel; all a plugin can do is read
 * `getPublishStatusAsync()` from `PublishableMixin` and say what to do next.
 */
import type { PublishStatus } from '../core/messages.js';

const STATUSES: readonly string[] = ['UNPUBLISHED', 'CURRENT', 'CHANGED'] satisfies PublishStatus[];

/** The node's publish status, or null when this Figma cannot tell (no such call, or it failed). */
export async function readPublishStatusAsync(
  node: Partial<Pick<ComponentSetNode, 'getPublishStatusAsync'>>,
): Promise<PublishStatus | null> {
  if (typeof node.getPublishStatusAsync !== 'function') return null;
  try {
    const status: unknown = await node.getPublishStatusAsync();
    return typeof status === 'string' && STATUSES.includes(status) ? (status as PublishStatus) : null;
  } catch {
    // Reading the status is a courtesy; a file without library access may refuse it.
    return null;
  }
}
