/**
 * "Make component set" on the Figma double: results become components in one component set with Figma's
 * variant properties, named after the source and the prompt, records kept, placed where the variants were or below
 * them, one undo step; anything the user made is refused by name and left as it was.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import type { ComponentSetMade, PlacedResult } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft } from '../../core/turn-record.js';
import { createImage } from '../../core/png.js';
import { overlapsWithGap } from '../../core/variant-layout.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { editDraft, startPlugin, valueOf, type Harness } from './harness.js';

const draft = (prompt: string, index: number, count: number, batch: string, nodeId: string): TurnDraft =>
  editDraft(nodeId, { prompt, variant: { index, count, batch } });

/** Places a batch of `count` variants of the Poster (in a row below it) and returns them left to right. */
async function batchAsync(h: Harness, count: number, prompt = 'warmer light', batch = 'b1'): Promise<PlacedResult[]> {
  const placed: PlacedResult[] = [];
  for (let index = 0; index < count; index++) {
    const reply = await h.requestAsync({
      type: 'PLACE_RESULT',
      image: solidPngBytes(54, 67, [60 * index, 120, 200, 255]),
      sourceNodeId: h.sample.poster.id,
      turn: draft(prompt, index, count, batch, h.sample.poster.id),
    });
    placed.push(valueOf(reply) as PlacedResult);
  }
  return placed;
}

async function makeSetAsync(h: Harness, nodeIds: string[]) {
  return h.requestAsync({ type: 'MAKE_COMPONENT_SET', nodeIds });
}

describe('MAKE_COMPONENT_SET from variants', () => {
  it('makes a component set with a Variant property, named after the source and prompt, records kept', async () => {
    const h = startPlugin();
    const [first, second, third] = await batchAsync(h, 3);
    const thirdBefore = h.double.describeNodes().find((n) => n.id === third!.nodeId);
    const commitsBefore = h.double.undoCommits;
    // Given in any order: Variant=1 is the leftmost.
    const made = valueOf(await makeSetAsync(h, [second!.nodeId, first!.nodeId])) as ComponentSetMade;

    const set = (await h.figma.getNodeByIdAsync(made.setId)) as ComponentSetNode;
    expect(set.type).toBe('COMPONENT_SET');
    expect(set.parent?.id).toBe(h.figma.currentPage.id);
    expect(set.name).toBe('Poster — warmer light');
    expect(set.description).toMatch(/AI-generated variants made with Banana Studio from “Poster”/);
    expect(set.children.map((c) => [c.type, c.name])).toEqual([
      ['COMPONENT', 'Variant=1'],
      ['COMPONENT', 'Variant=2'],
    ]);
    expect(set.componentPropertyDefinitions).toEqual({
      Variant: { type: 'VARIANT', defaultValue: '1', variantOptions: ['1', '2'] },
    });
    expect(made).toEqual({
      setId: set.id,
      name: 'Poster — warmer light',
      componentIds: set.children.map((c) => c.id),
      variantNames: ['Variant=1', 'Variant=2'],
      properties: { Variant: ['1', '2'] },
      publishStatus: 'UNPUBLISHED',
    });

    // The components took the frames' places (new ids, as Figma's Create component does); each keeps its turn.
    for (const [i, result] of [first!, second!].entries()) {
      const component = set.children[i] as ComponentNode;
      expect(component.id).not.toBe(result.nodeId);
      expect(await h.figma.getNodeByIdAsync(result.nodeId)).toBeNull();
      expect(parseTurnRecord(component.getPluginData(TURN_RECORD_KEY))).toEqual({
        ok: true,
        value: { ...result.record, originNodeId: component.id, convertedFromNodeId: result.nodeId },
      });
      expect(component.getRelaunchData().open).toMatch(/^Turn 1 · warmer light · AI-generated/);
      expect(component.description).toMatch(/^AI-generated with Banana Studio \(gemini-3\.1-flash-image/);
      expect((component.fills as ImagePaint[])[0]?.imageHash).toBe(result.record.resultHash);
      expect([component.x, component.y, component.width, component.height]).toEqual([20 + i * 560, 20, 540, 675]);
    }
    // Where the two variants were (20 up and left, for the set's padding), clear of the third and the Poster.
    expect([set.x, set.y, set.width, set.height]).toEqual([-20, 695, 1140, 715]);
    expect(h.double.describeNodes().find((n) => n.id === third!.nodeId)).toEqual(thirdBefore);
    expect(h.figma.currentPage.selection.map((n) => n.id)).toEqual([set.id]);

    // One undo step: ⌘Z gives the loose results back, with their records.
    expect(h.double.undoCommits).toBe(commitsBefore + 2);
    h.double.undo();
    expect(await h.figma.getNodeByIdAsync(set.id)).toBeNull();
    for (const result of [first!, second!]) {
      const frame = (await h.figma.getNodeByIdAsync(result.nodeId))!;
      expect(parseTurnRecord(frame.getPluginData(TURN_RECORD_KEY))).toEqual({ ok: true, value: result.record });
    }
  });

  it('keeps JPEG variants as they came: each component’s fill is the bytes Gemini 3 sent', async () => {
    const h = startPlugin();
    const answers = [0, 1].map((index) => jpeg.encode(createImage(54, 67, [200, 60 * index, 40, 255]), 90).data);
    const placed: PlacedResult[] = [];
    for (const [index, image] of answers.entries()) {
      const reply = await h.requestAsync({
        type: 'PLACE_RESULT',
        image,
        sourceNodeId: h.sample.poster.id,
        turn: draft('in jpeg', index, 2, 'jpeg', h.sample.poster.id),
      });
      placed.push(valueOf(reply) as PlacedResult);
    }
    const made = valueOf(
      await makeSetAsync(
        h,
        placed.map((p) => p.nodeId),
      ),
    ) as ComponentSetMade;
    const set = (await h.figma.getNodeByIdAsync(made.setId)) as ComponentSetNode;
    const fills = await Promise.all(
      set.children.map((component) => {
        const hash = ((component as ComponentNode).fills as ImagePaint[])[0]!.imageHash!;
        return h.figma.getImageByHash(hash)!.getBytesAsync();
      }),
    );
    expect(fills.map((bytes) => Buffer.from(bytes).toString('base64'))).toEqual(
      answers.map((bytes) => Buffer.from(bytes).toString('base64')),
    );
  });

  it('goes below the row when the variants were not next to each other', async () => {
    const h = startPlugin();
    const [first, second, third] = await batchAsync(h, 3);
    const made = valueOf(await makeSetAsync(h, [first!.nodeId, third!.nodeId])) as ComponentSetMade;
    const set = (await h.figma.getNodeByIdAsync(made.setId)) as ComponentSetNode;
    expect([set.x, set.y]).toEqual([-20, 715 + 675 + 40]);
    const middle = (await h.figma.getNodeByIdAsync(second!.nodeId)) as FrameNode;
    expect(overlapsWithGap(set, middle, 1)).toBe(false);
    expect([middle.x, middle.y]).toEqual([second!.x, second!.y]);
  });

  it('adds a Prompt property when the variants came from different prompts', async () => {
    const h = startPlugin();
    const warm = await batchAsync(h, 2, 'warmer light', 'b1');
    const navy = await batchAsync(h, 1, 'navy jacket', 'b2');
    const made = valueOf(await makeSetAsync(h, [...warm.map((p) => p.nodeId), navy[0]!.nodeId])) as ComponentSetMade;
    const set = (await h.figma.getNodeByIdAsync(made.setId)) as ComponentSetNode;
    expect(set.name).toBe('Poster — variants');
    expect(made.variantNames).toEqual([
      'Prompt=warmer light, Variant=1',
      'Prompt=warmer light, Variant=2',
      'Prompt=navy jacket, Variant=1',
    ]);
    expect(Object.keys(set.componentPropertyDefinitions).sort()).toEqual(['Prompt', 'Variant']);
    expect(set.componentPropertyDefinitions.Prompt!.variantOptions).toEqual(['warmer light', 'navy jacket']);
  });

  it('reads the publish status again on request, and refuses a layer that is no component', async () => {
    const h = startPlugin();
    const [first] = await batchAsync(h, 2);
    const made = valueOf(await makeSetAsync(h, [first!.nodeId])) as ComponentSetMade;
    expect(valueOf(await h.requestAsync({ type: 'READ_PUBLISH_STATUS', nodeId: made.setId }))).toBe('UNPUBLISHED');
    const frame = await h.requestAsync({ type: 'READ_PUBLISH_STATUS', nodeId: h.sample.poster.id });
    expect(frame).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('keeps the history readable: the components stand for their turns, not as copies', async () => {
    const h = startPlugin();
    const placed = await batchAsync(h, 2);
    const made = valueOf(
      await makeSetAsync(
        h,
        placed.map((p) => p.nodeId),
      ),
    ) as ComponentSetMade;
    const history = valueOf(await h.requestAsync({ type: 'READ_HISTORY' })) as {
      entries: { nodeId: string; record?: { id: string; originNodeId: string } }[];
    };
    const entries = history.entries.filter((e) => made.componentIds.includes(e.nodeId));
    expect(entries.map((e) => e.record?.id)).toEqual(placed.map((p) => p.record.id));
    for (const e of entries) expect(e.record?.originNodeId).toBe(e.nodeId);
  });
});

describe('MAKE_COMPONENT_SET refuses what Banana Studio did not make', () => {
  const cases: [string, (h: Harness, results: PlacedResult[]) => Promise<string[]>, RegExp][] = [
    [
      'a layer the user made',
      async (h, results) => [results[0]!.nodeId, h.sample.poster.id],
      /“Poster” was not made by Banana Studio, so it is left as it is/,
    ],
    [
      'a layer inside a user frame',
      async (h, results) => [h.sample.headline.id, results[0]!.nodeId],
      /“Headline” was not made by Banana Studio/,
    ],
    [
      'a duplicate of a result',
      async (h, results) => {
        const copy = ((await h.figma.getNodeByIdAsync(results[0]!.nodeId)) as FrameNode).clone();
        copy.name = 'My copy';
        return [results[1]!.nodeId, copy.id];
      },
      /“My copy” is a copy of a Banana Studio result/,
    ],
    [
      'a layer whose record is damaged',
      async (h, results) => {
        const node = (await h.figma.getNodeByIdAsync(results[1]!.nodeId))!;
        node.setPluginData(TURN_RECORD_KEY, '{"v":1');
        return [results[0]!.nodeId, results[1]!.nodeId];
      },
      /The Banana Studio history of “Poster — warmer light · variant 2” could not be read/,
    ],
    [
      'a result that is already in a component set',
      async (h, results) => {
        const made = valueOf(await makeSetAsync(h, [results[0]!.nodeId])) as ComponentSetMade;
        return [made.componentIds[0]!, results[1]!.nodeId];
      },
      /“Variant=1” is already a component/,
    ],
  ];
  it.each(cases)('%s, naming it, and changes nothing', async (_name, pick, message) => {
    const h = startPlugin();
    const results = await batchAsync(h, 2);
    const ids = await pick(h, results);
    const before = h.double.describeNodes();
    const commits = h.double.undoCommits;
    const reply = await makeSetAsync(h, ids);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!reply.ok) expect(reply.error.message).toMatch(message);
    if (!reply.ok) expect(reply.error.message).toMatch(/Nothing was changed\.$/);
    expect(h.double.describeNodes()).toEqual(before);
    expect(h.double.undoCommits).toBe(commits);
  });

  it('reports a layer that has gone as stale', async () => {
    const h = startPlugin();
    const [first, second] = await batchAsync(h, 2);
    (await h.figma.getNodeByIdAsync(second!.nodeId))!.remove();
    const reply = await makeSetAsync(h, [first!.nodeId, second!.nodeId]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'stale_node' } });
  });

  it('undoes a half-made set when Figma fails part-way, and the results are as they were', async () => {
    const h = startPlugin();
    const placed = await batchAsync(h, 2);
    const before = h.double.describeNodes();
    const figma = h.figma as unknown as { combineAsVariants: unknown };
    figma.combineAsVariants = () => {
      throw new Error('Cannot combine these nodes');
    };
    const reply = await makeSetAsync(
      h,
      placed.map((p) => p.nodeId),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/Cannot combine these nodes.*Nothing was changed/);
    expect(h.double.describeNodes()).toEqual(before);
    for (const p of placed) {
      const frame = (await h.figma.getNodeByIdAsync(p.nodeId))!;
      expect(frame.type).toBe('FRAME');
    }
  });
});
