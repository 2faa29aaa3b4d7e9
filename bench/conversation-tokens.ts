/**
 * What a 10-turn conversation sends to Gemini as input, with our stateless context (core/conversation-context.ts:
 * the chosen turn's image, the new instruction, earlier prompts summarised) against naive full replay (every
 * earlier user and model turn re-sent, images included, as a chat does) and against the live replay the panel
 * really does (core/live-replay.ts: the session's turns replayed, at most MAX_REPLAY_TURNS of them, after which a
 * turn goes stateless and the next chain starts from it). Tokens are counted by the rule of core/cost-estimate.ts
 * and the Gemini double: text at about four characters a token, 560 tokens per input image on Gemini 3 and 258 on
 * 2.5. Pure arithmetic on the real context builders and the real replay rule: no network.
 */
import { readFileSync } from 'node:fs';
import { buildTurnContext } from '../core/conversation-context.js';
import { CHARS_PER_TOKEN, inputTokensPerImage } from '../core/cost-estimate.js';
import {
  contentsInputTokens,
  MAX_REPLAY_TURNS,
  rememberTurn,
  replayContents,
  replayDecision,
  type LiveTurn,
  type ReplayPart,
} from '../core/live-replay.js';
import { parseModelRegistry, roundUsd, type ModelInfo } from '../core/models.js';

/** What a designer might type over ten turns on one poster. */
export const TEN_PROMPTS = [
  'warmer light, late afternoon sun from the left',
  'make her jacket navy blue',
  'remove the logo on the cup',
  'add a soft shadow under the cup',
  'replace the background with a blurred beach',
  'make the sky a little pinker near the horizon',
  'add light film grain',
  'move the headline area to the top, leave it empty',
  'make the coffee steam more visible',
  'crop tighter on the subject, keep the ratio',
] as const;

const IMAGE = { mimeType: 'image/png' as const, data: 'AAAA' };
const MODEL_TEXT = 'Here is the edited image.';

/** The model's answer to each turn: a signed text part and a signed image, as Gemini 3 sends them. */
const MODEL_TURN: LiveTurn['modelTurn'] = {
  role: 'model',
  parts: [
    { text: MODEL_TEXT, thoughtSignature: 'sig' },
    { inlineData: IMAGE, thoughtSignature: 'sig' },
  ],
};

/**
 * Input tokens of each of the ten calls, three ways, for a model that costs `perImage` tokens per input image: our
 * stateless turn, naive full replay, and the panel's live replay (one session, one model, the layer unchanged).
 */
export function conversationTokens(
  prompts: readonly string[],
  perImage: number,
): { stateless: number[]; replay: number[]; live: number[] } {
  const stateless: number[] = [];
  const replay: number[] = [];
  const liveTokens: number[] = [];
  const live: LiveTurn[] = [];
  let session: LiveTurn[] = [];
  prompts.forEach((prompt, k) => {
    const context = buildTurnContext({
      instruction: prompt,
      earlier: prompts.slice(0, k),
      base: { role: 'base' },
      references: [],
      maxInputImages: 14,
    });
    stateless.push(Math.ceil(context.prompt.length / CHARS_PER_TOKEN) + context.images.length * perImage);

    // Live replay: the panel's rule decides; a stateless turn sends the base and the summary, and starts a chain.
    const decision =
      k === 0
        ? null
        : replayDecision(session, { baseTurnId: `t${k}`, model: 'any', signaturesRequired: true, baseUnchanged: true });
    const user: LiveTurn['user'] = decision?.ok
      ? { role: 'user', parts: [{ text: prompt }] }
      : { role: 'user', parts: [{ inlineData: IMAGE }, { text: context.prompt }] };
    liveTokens.push(
      contentsInputTokens(replayContents(decision?.ok ? decision.path : [], user), perImage, CHARS_PER_TOKEN),
    );
    session = rememberTurn(session, {
      turnId: `t${k + 1}`,
      parentTurnId: decision?.ok ? `t${k}` : null,
      model: 'any',
      user,
      modelTurn: MODEL_TURN,
    });

    // Full replay: the source image goes once, with the first instruction; every answer comes back as history.
    const parts: ReplayPart[] = k === 0 ? [{ inlineData: IMAGE }, { text: prompt }] : [{ text: prompt }];
    replay.push(contentsInputTokens(replayContents(live, { role: 'user', parts }), perImage, CHARS_PER_TOKEN));
    live.push({
      turnId: `t${k + 1}`,
      parentTurnId: k === 0 ? null : `t${k}`,
      model: 'any',
      user: { role: 'user', parts },
      modelTurn: MODEL_TURN,
    });
  });
  return { stateless, replay, live: liveTokens };
}

export async function benchConversationTokens(): Promise<string[]> {
  const registry = parseModelRegistry(
    JSON.parse(readFileSync(new URL('../config/models.json', import.meta.url), 'utf8')) as unknown,
  );
  const lines = [
    `Input tokens of a ${TEN_PROMPTS.length}-turn conversation (text ≈ chars/${CHARS_PER_TOKEN}; 560 per input image on Gemini 3, 258 on 2.5):`,
    `| model | stateless (ours) | naive full replay | live replay (≤ ${MAX_REPLAY_TURNS} turns) | saved vs naive | turn 10 alone: stateless / naive / live | input cost: stateless → naive → live |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const model of registry.models) lines.push(row(model));
  lines.push(
    '',
    'Stateless: each turn sends one image (the chosen turn’s result) and its prompt with the earlier prompts',
    'summarised, so its cost stays flat; full replay re-sends every earlier image and answer, so it grows every turn.',
    `Live replay (what the panel does on Gemini 3 in one session) re-sends at most ${MAX_REPLAY_TURNS} earlier turns; the`,
    'turn after that goes stateless and the next chain starts from it, so the cost climbs and drops back. It buys',
    'the model its own earlier turns (hidden reasoning, signatures) at that price; 2.5 Flash Image never replays.',
  );
  return lines;
}

function row(model: ModelInfo): string {
  const perImage = inputTokensPerImage(model);
  const { stateless, replay, live } = conversationTokens(TEN_PROMPTS, perImage);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const ours = sum(stateless);
  const naive = sum(replay);
  const replayed = sum(live);
  const usd = (tokens: number) =>
    `$${roundUsd((tokens * model.pricing.inputUsdPerMillionTokens) / 1_000_000).toFixed(4)}`;
  const n = (value: number) => value.toLocaleString('en-US');
  // 2.5 Flash Image does not sign its turns: the panel never replays it, so its live column is the stateless one.
  const liveTotal = model.thoughtSignatures ? replayed : ours;
  const liveLast = model.thoughtSignatures ? live.at(-1)! : stateless.at(-1)!;
  return `| ${model.id} | ${n(ours)} | ${n(naive)} | ${n(liveTotal)} | ${Math.round((1 - ours / naive) * 100)} % | ${n(stateless.at(-1)!)} / ${n(replay.at(-1)!)} / ${n(liveLast)} | ${usd(ours)} → ${usd(naive)} → ${usd(liveTotal)} |`;
}
