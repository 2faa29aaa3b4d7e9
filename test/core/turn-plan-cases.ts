/**
 * Panel inputs for the planner's tables (test/core/turn-plan.test.ts, test/core/turn-request.test.ts): a poster, its
 * references, a chain of two turns, and a session that made the second one live.
 */
import { editInputsOf, type EditInputs } from '../../core/edit-inputs.js';
import type { LiveTurn } from '../../core/live-replay.js';
import type { NodeSnapshot } from '../../core/messages.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { planRequest } from '../../core/request-plan.js';
import { interpretSelection } from '../../core/selection-roles.js';
import { buildTurnRecord, type TurnRecord } from '../../core/turn-record.js';
import type { TurnPlanInput } from '../../core/turn-plan.js';
import { publicModels } from '../ui/fixtures.js';

/** The registry's models as `/v1/models` lists them; Gemini 3 models sign their turns. */
export const model = (id: string): PublicModel => {
  const found = publicModels.models.find((m) => m.id === id)!;
  return { ...found, thoughtSignatures: !id.startsWith('gemini-2') };
};
export const FLASH = 'gemini-3.1-flash-image';
export const OLD = 'gemini-2.5-flash-image';

export const HASH = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12';

/** A layer at `box` on the page, with nothing on it. */
const layer = (id: string, name: string, type: string, box: NonNullable<NodeSnapshot['box']>): NodeSnapshot => ({
  id,
  name,
  type,
  width: box.width,
  height: box.height,
  hasText: false,
  hasImageFill: false,
  hasTurn: false,
  box,
});

export const poster: NodeSnapshot = {
  ...layer('1:2', 'Poster', 'FRAME', { x: 0, y: 0, width: 400, height: 500 }),
  hasText: true,
  texts: [{ name: 'Headline', characters: 'Summer Sale', fontSize: 48, x: 20, y: 20, width: 300, height: 60 }],
};
export const result: NodeSnapshot = {
  ...poster,
  id: '5:2',
  name: 'Poster — navy jacket',
  hasText: false,
  hasImageFill: true,
  hasTurn: true,
  imageHash: HASH,
  texts: [],
};
export const bottle: NodeSnapshot = {
  ...layer('2:1', 'Bottle', 'RECTANGLE', { x: 600, y: 0, width: 120, height: 300 }),
  hasImageFill: true,
};
export const logo: NodeSnapshot = {
  ...layer('2:2', 'Logo', 'RECTANGLE', { x: 800, y: 0, width: 100, height: 100 }),
  hasImageFill: true,
};
/** A rectangle over the poster's lower left: a small region. */
export const patch: NodeSnapshot = layer('3:1', 'Rectangle', 'RECTANGLE', { x: 40, y: 380, width: 100, height: 80 });

const turn = (id: string, nodeId: string, parent: TurnRecord | null, inputs: TurnRecord['inputs']): TurnRecord =>
  buildTurnRecord(
    {
      prompt: `prompt ${id}`,
      model: FLASH,
      params: { aspectRatio: '4:5', imageSize: '1K' },
      inputs,
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, costUsd: 0.05 },
    },
    {
      id,
      parent: parent ? { id: parent.id, rootId: parent.rootId } : null,
      sourceNodeId: parent ? '5:1' : poster.id,
      originNodeId: nodeId,
      resultHash: HASH,
      author: null,
      createdAt: '2026-03-04T05:06:07.000Z',
    },
  );
const t1 = turn('t1', '5:1', null, [
  { nodeId: poster.id, role: 'base' },
  { nodeId: logo.id, role: 'style' },
]);
const t2 = turn('t2', '5:2', t1, [{ nodeId: '5:1', role: 'base' }]);
/** The result's chain: its first turn used the logo as a style reference. */
export const chain: TurnRecord[] = [t1, t2];

const image = { mimeType: 'image/png' as const, data: 'iVBORw0KGgo=' };
/** The session made t2 live: its own user content, and the model's signed answer. */
export const session: LiveTurn[] = [
  {
    turnId: 't2',
    parentTurnId: null,
    model: FLASH,
    user: { role: 'user', parts: [{ inlineData: image }, { text: 'prompt t2' }] },
    modelTurn: {
      role: 'model',
      parts: [
        { text: 'thinking', thought: true },
        { text: 'Here it is', thoughtSignature: 'c2ln' },
        { inlineData: image, thoughtSignature: 'c2ln' },
      ],
    },
  },
];

/** What the panel holds with `selected` selected (the first is the base) and these choices. */
export function inputFor(
  selected: NodeSnapshot[],
  options: { model?: string; keepText?: boolean | null; live?: boolean; replay?: boolean; chain?: TurnRecord[] } = {},
): TurnPlanInput {
  const m = model(options.model ?? FLASH);
  // The person has marked every reference as style (a name alone gives "Bottle" and "Logo" the product role).
  const style = new Map(selected.slice(1).map((layer) => [layer.id, 'style' as const]));
  const roles = interpretSelection(selected, { baseId: selected[0]?.id ?? null, roles: style });
  const inputs: EditInputs | undefined = roles.base ? editInputsOf(roles, null, options.keepText ?? null) : undefined;
  const shape = planRequest(m, roles.base, { aspectRatio: '16:9', imageSize: null }, inputs);
  if (!shape.ok) throw new Error(shape.error.message);
  return {
    model: m,
    instruction: '  a red armchair ',
    shape: shape.value,
    chain: options.chain ?? [],
    live: options.live === false ? null : { session, replay: options.replay ?? true },
  };
}
