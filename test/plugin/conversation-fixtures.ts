/** The steps of a conversation in the sandbox that its tests share: place a turn, read the history, read a record. */
import type { HistorySnapshot, PlacedResult } from '../../core/messages.js';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnDraft, type TurnRecord } from '../../core/turn-record.js';
import { solidPngBytes } from '../../dev/figma-double/index.js';
import { valueOf, type Harness } from './harness.js';

const draft = (prompt: string, nodeId: string): TurnDraft => ({
  prompt,
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '4:5', imageSize: '512' },
  inputs: [{ nodeId, role: 'base', hash: 'a9993e364706816aba3e25717850c26c9cd0d89d' }],
  usage: { inputTokens: 571, outputTokens: 747, totalTokens: 1500, costUsd: 0.0451 },
});

/** Places a result made from `sourceId` with `prompt` (a solid image whose colour the prompt decides). */
export async function continueAsync(h: Harness, sourceId: string, prompt: string): Promise<PlacedResult> {
  const image = solidPngBytes(464, 576, [prompt.length * 9, 90, 160, 255]);
  return valueOf(
    await h.requestAsync({ type: 'PLACE_RESULT', image, sourceNodeId: sourceId, turn: draft(prompt, sourceId) }),
  ) as PlacedResult;
}

/** The panel's READ_HISTORY of the current page. */
export async function historyAsync(h: Harness): Promise<HistorySnapshot> {
  return valueOf(await h.requestAsync({ type: 'READ_HISTORY' })) as HistorySnapshot;
}

/** The layer `id`, as a frame. */
export async function nodeAsync(h: Harness, id: string): Promise<FrameNode> {
  return (await h.figma.getNodeByIdAsync(id)) as FrameNode;
}

/** The record a layer carries, read as the plugin reads it. */
export function recordOn(node: SceneNode): TurnRecord | null {
  const parsed = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Poster → "warmer light" → "navy jacket" → "remove the logo". */
export async function threeTurnsAsync(h: Harness) {
  const t1 = await continueAsync(h, h.sample.poster.id, 'warmer light');
  const t2 = await continueAsync(h, t1.nodeId, 'navy jacket');
  const t3 = await continueAsync(h, t2.nodeId, 'remove the logo');
  return { t1, t2, t3 };
}
