/**
 * Which layer a result goes beside, and in which parent. Normally the source and its own parent; but a parent
 * that arranges or owns its children would be changed by a new child (an auto-layout frame reflows, a group
 * grows, a component changes every instance), so those are climbed out of to the nearest container that lets a
 * layer sit where we put it. A frame that clips its content is climbed out of too when the result would not fit
 * inside it, so the result is never placed where nobody can see it.
 */

/** A container whose children keep the x and y we give them. */
export type FreeContainer = PageNode | SectionNode | FrameNode;

/** A place to try: put the result beside `anchor`, as a child of `parent`. */
export interface PlacementCandidate {
  anchor: SceneNode;
  parent: FreeContainer;
}

/**
 * The places to try, innermost first; the last is always a child of the page. Empty when the source is
 * detached from any page.
 */
export function placementCandidates(source: SceneNode): PlacementCandidate[] {
  const candidates: PlacementCandidate[] = [];
  let anchor: SceneNode = outermostOwned(source) ?? source;
  for (;;) {
    const parent = anchor.parent;
    if (!parent || parent.type === 'DOCUMENT') return [];
    if (isFreeContainer(parent)) candidates.push({ anchor, parent });
    if (parent.type === 'PAGE') return candidates;
    anchor = parent as SceneNode;
  }
}

/** Whether a `width × height` box at (x, y) in `parent` can be seen: inside it, or `parent` does not clip. */
export function isVisibleIn(parent: FreeContainer, x: number, y: number, width: number, height: number): boolean {
  if (parent.type !== 'FRAME' || !parent.clipsContent) return true;
  return x >= 0 && y >= 0 && x + width <= parent.width && y + height <= parent.height;
}

function isFreeContainer(node: BaseNode): node is FreeContainer {
  if (node.type === 'PAGE' || node.type === 'SECTION') return true;
  return (
    node.type === 'FRAME' && (!('layoutMode' in node) || node.layoutMode === undefined || node.layoutMode === 'NONE')
  );
}

/** The outermost instance, component or component set containing `node`, if any. */
function outermostOwned(node: SceneNode): SceneNode | null {
  let found: SceneNode | null = null;
  let current: BaseNode | null = node.parent;
  while (current && current.type !== 'PAGE' && current.type !== 'DOCUMENT') {
    if (current.type === 'INSTANCE' || current.type === 'COMPONENT' || current.type === 'COMPONENT_SET') {
      found = current;
    }
    current = current.parent;
  }
  return found;
}
