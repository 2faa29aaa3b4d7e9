/**
 * "Make component set" (docs/architecture.md#variants-and-component-sets): selected variants become components,
 * combined as one component set with a `Variant` property (and `Prompt` when their prompts differ;
 * core/component-set-plan.ts), named after the source and the prompt, laid out in a row where the variants were, or
 * below them when that place is taken (core/component-set-layout.ts). Publishing is left to a person: plugins cannot
 * publish (docs/figma-platform.md#plugins-cannot-publish).
 *
 * Only Banana Studio's own results are changed: every layer must be a frame carrying a readable turn record
 * written on that very layer (not a duplicate's copy of it), outside any component or instance. Anything else is
 * refused by name before anything changes.
 *
 * Turn records are kept. `createComponentFromNode` makes a new node that takes the frame's place, as the
 * toolbar's Create component does (the frame's id stops working; the Figma double does the same), so the record
 * is written again on the component, with `originNodeId` its own id and `convertedFromNodeId` the frame's, whether
 * or not Figma carried the plugin data over. The relaunch button is carried over too.
 *
 * The whole change is one undo step (⌘Z gives the loose results back). A failure half-way is undone to where it
 * started, so the canvas is never left with some results turned into components and others not.
 */
import { componentSetLayout, componentSetSpot } from '../core/component-set-layout.js';
import { planComponentSet } from '../core/component-set-plan.js';
import { appError } from '../core/errors.js';
import type { ComponentSetMade } from '../core/messages.js';
import { continuedName, truncatePrompt } from '../core/naming.js';
import { fail, ok, type Result } from '../core/result.js';
import { parseTurnRecord, serializeTurnRecord, TURN_RECORD_KEY, type TurnRecord } from '../core/turn-record.js';
import { findSceneNodeAsync } from './find-scene-node.js';
import type { HandlerContext } from './handler-context.js';
import type { FreeContainer } from './placement-anchor.js';
import { readPublishStatusAsync } from './publish-status.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** A result layer that may become a variant, with its record. */
interface ResultLayer {
  node: FrameNode;
  record: TurnRecord;
}

/** Makes the component set from the layers `nodeIds` (in any order; they are ordered as they sit on the canvas). */
export async function makeComponentSetAsync(
  context: HandlerContext,
  nodeIds: readonly string[],
): Promise<Result<ComponentSetMade>> {
  const { figma } = context;
  const found = await findNodesAsync(figma, nodeIds);
  if (!found.ok) return found;
  // Nothing below awaits until the set is made, so no other message can change the page in between.
  const checked = resultLayersOf(found.value);
  if (!checked.ok) return checked;
  const layers = checked.value;
  const sourceName = continuedName(layers[0]!.node.name);
  const plan = planComponentSet(
    sourceName,
    layers.map(({ record }) => ({ prompt: record.prompt, variant: record.variant?.index ?? null })),
  );
  const parent = commonParent(layers.map((l) => l.node)) ?? figma.currentPage;
  const boxes = layers.map((l) => boxIn(parent, l.node));
  const indexes = layers.map((l) => parent.children.findIndex((child) => child.id === l.node.id)).filter((i) => i >= 0);
  const index = indexes.length > 0 ? Math.min(...indexes) : undefined;

  // A checkpoint first: a failure below goes back exactly here, never into the designer's own earlier edits.
  figma.commitUndo();
  let changed = false;
  let set: ComponentSetNode;
  try {
    const components = layers.map((layer, i) => {
      const relaunch = layer.node.getRelaunchData();
      const formerId = layer.node.id;
      const component = figma.createComponentFromNode(layer.node);
      changed = true;
      component.name = plan.componentNames[i]!;
      component.description = componentDescription(layer.record);
      keepRecord(component, layer.record, formerId);
      component.setRelaunchData(relaunch);
      return component;
    });
    set = figma.combineAsVariants(components, parent, index);
    set.name = plan.setName;
    set.description =
      `AI-generated variants made with Banana Studio from “${sourceName}”. ` +
      'Each variant keeps its turn, so it can be continued in Banana Studio.';
    arrangeSet(set, components, parent, boxes);
    figma.currentPage.selection = [set];
    figma.viewport.scrollAndZoomIntoView([set]);
    figma.commitUndo();
  } catch (thrown) {
    if (changed) figma.triggerUndo();
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return fail(
      appError(
        'internal_error',
        `Figma could not make the component set (${detail.slice(0, 200)}). Nothing was changed.`,
      ),
    );
  }
  return ok({
    setId: set.id,
    name: set.name,
    componentIds: set.children.map((child) => child.id),
    variantNames: plan.componentNames,
    properties: plan.properties,
    publishStatus: await readPublishStatusAsync(set),
  });
}

/** The layers with these ids (each once), looked up again; `stale_node` when one has gone. */
async function findNodesAsync(figma: SandboxFigma, nodeIds: readonly string[]): Promise<Result<SceneNode[]>> {
  const found: SceneNode[] = [];
  for (const id of new Set(nodeIds)) {
    const node = await findSceneNodeAsync(figma, id);
    if (!node.ok) return node;
    found.push(node.value);
  }
  return ok(found);
}

/** The layers as variants-to-be, ordered as they sit on the canvas (top to bottom, then left to right). */
function resultLayersOf(found: readonly SceneNode[]): Result<ResultLayer[]> {
  const layers: ResultLayer[] = [];
  for (const node of found) {
    if (node.removed) return fail(appError('stale_node'));
    const checked = checkResultLayer(node);
    if (!checked.ok) return checked;
    layers.push(checked.value);
  }
  layers.sort((a, b) => top(a.node) - top(b.node) || left(a.node) - left(b.node));
  return ok(layers);
}

/**
 * Lays the components out in the set and sizes it (core/component-set-layout.ts), then puts the set where the
 * variants were (`boxes`), or below them when that place is taken by another child of `parent`.
 */
function arrangeSet(
  set: ComponentSetNode,
  components: readonly ComponentNode[],
  parent: FreeContainer,
  boxes: readonly { x: number; y: number; width: number; height: number }[],
): void {
  const layout = componentSetLayout(components.map((c) => ({ width: c.width, height: c.height })));
  components.forEach((component, i) => {
    component.x = layout.offsets[i]!.x;
    component.y = layout.offsets[i]!.y;
  });
  set.resizeWithoutConstraints(layout.width, layout.height);
  const obstacles = parent.children.filter((child) => child.id !== set.id).map((child) => boxIn(parent, child));
  const spot = componentSetSpot(boxes, layout, obstacles);
  set.x = spot.x;
  set.y = spot.y;
}

/** The layer as a variant-to-be, or why it is refused (naming it, in words a designer can act on). */
export function checkResultLayer(node: SceneNode): Result<ResultLayer> {
  const name = `“${node.name}”`;
  const text = node.getPluginData(TURN_RECORD_KEY);
  if (text === '') {
    return refuse(`${name} was not made by Banana Studio, so it is left as it is. Select only Banana Studio results.`);
  }
  const parsed = parseTurnRecord(text);
  if (!parsed.ok || !parsed.value) {
    return refuse(`The Banana Studio history of ${name} could not be read, so it is left as it is.`);
  }
  if (parsed.value.originNodeId !== node.id) {
    return refuse(`${name} is a copy of a Banana Studio result, so it is left as it is. Select the result itself.`);
  }
  if (node.type === 'COMPONENT' || node.type === 'COMPONENT_SET') {
    return refuse(`${name} is already a component. Select results that are not in a component set yet.`);
  }
  if (node.type !== 'FRAME' || insideComponentOrInstance(node)) {
    return refuse(`${name} is inside a component or instance, so it cannot become a variant. Select loose results.`);
  }
  return ok({ node, record: parsed.value });
}

function refuse(message: string): Result<never> {
  return fail(appError('bad_request', `${message} Nothing was changed.`));
}

/** Writes the record on the component as its own: same turn, this layer as its origin. */
function keepRecord(component: ComponentNode, record: TurnRecord, formerId: string): void {
  const kept: TurnRecord =
    component.id === formerId ? record : { ...record, originNodeId: component.id, convertedFromNodeId: formerId };
  const text = serializeTurnRecord(kept);
  // The record was read back from this layer a moment ago, so it fits; a failure here is a bug, not user data.
  if (!text.ok) throw new Error(text.error.message);
  if (component.getPluginData(TURN_RECORD_KEY) !== text.value) component.setPluginData(TURN_RECORD_KEY, text.value);
}

/** A component's description in the library: where it came from, and that it is AI-generated. */
function componentDescription(record: TurnRecord): string {
  return `AI-generated with Banana Studio (${record.model}, SynthID watermark): ${truncatePrompt(record.prompt, 120)}`;
}

function insideComponentOrInstance(node: SceneNode): boolean {
  for (let p = node.parent; p && p.type !== 'PAGE' && p.type !== 'DOCUMENT'; p = p.parent) {
    if (p.type === 'COMPONENT' || p.type === 'COMPONENT_SET' || p.type === 'INSTANCE') return true;
  }
  return false;
}

/** The parent all the layers share, when it lets children sit where they are put; otherwise null (use the page). */
function commonParent(nodes: readonly SceneNode[]): FreeContainer | null {
  const parent = nodes[0]?.parent ?? null;
  if (!parent || nodes.some((n) => n.parent?.id !== parent.id)) return null;
  if (parent.type === 'PAGE' || parent.type === 'SECTION') return parent;
  if (parent.type === 'FRAME' && (!('layoutMode' in parent) || parent.layoutMode === 'NONE')) return parent;
  return null;
}

/** The node's box in `parent`'s coordinates: its own x and y in its parent, page coordinates on the page. */
function boxIn(parent: FreeContainer, node: SceneNode): { x: number; y: number; width: number; height: number } {
  if (node.parent?.id === parent.id) {
    return { x: node.x, y: node.y, width: node.width, height: node.height };
  }
  return { x: left(node), y: top(node), width: node.width, height: node.height };
}

function left(node: SceneNode): number {
  return node.absoluteTransform[0][2];
}

function top(node: SceneNode): number {
  return node.absoluteTransform[1][2];
}
