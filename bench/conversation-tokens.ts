/**
 * What a 10-turn conversation sends to Gemini as input, with our stateless context (core/conversation-context.ts:
 * the chosen turn's image, the new instruction, earlier prompts summarised) against naive full replay (every
 * earlier user and model turn re-sent, images included, as a chat does; core/live-replay.ts). Tokens are counted
 * by the rule of core/cost-estimate.ts and the Gemini double: text at about four characters a token, 560 tokens per
 * input image on Gemini 3 and 258 on 2.5. Pure arithmetic on the real context builders: no network.
 */
import { readFileSync } from 'node:fs';
import { buildTurnContext } from '../core/conversation-context.js';
import { CHARS_PER_TOKEN, inputTokensPerImage } from '../core/cost-estimate.js';
import { contentsInputTokens, replayContents, type LiveTurn, type ReplayPart } from '../core/live-replay.js';
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

const IMAGE = { mimeType: 'image/png', data: 'AAAA' };
const MODEL_TEXT = 'Here is the edited image.';

/** Input tokens of each of the ten calls, both ways, for a model that costs `perImage` tokens per input image. */
export function conversationTokens(
  prompts: readonly string[],
  perImage: number,
): { stateless: number[]; replay: number[] } {
  const stateless: number[] = [];
  const replay: number[] = [];
  const live: LiveTurn[] = [];
  prompts.forEach((prompt, k) => {
    const context = buildTurnContext({
      instruction: prompt,
      earlier: prompts.slice(0, k),
      base: { role: 'base' },
      references: [],
      maxInputImages: 14,
    });
    stateless.push(Math.ceil(context.prompt.length / CHARS_PER_TOKEN) + context.images.length * perImage);
    // Full replay: the source image goes once, with the first instruction; every answer comes back as history.
    const user: ReplayPart[] = k === 0 ? [{ inlineData: IMAGE }, { text: prompt }] : [{ text: prompt }];
    replay.push(contentsInputTokens(replayContents(live, { role: 'user', parts: user }), perImage, CHARS_PER_TOKEN));
    live.push({
      turnId: `t${k + 1}`,
      parentTurnId: k === 0 ? null : `t${k}`,
      model: 'any',
      user: { role: 'user', parts: user },
      modelTurn: {
        role: 'model',
        parts: [
          { text: MODEL_TEXT, thoughtSignature: 'sig' },
          { inlineData: IMAGE, thoughtSignature: 'sig' },
        ],
      },
    });
  });
  return { stateless, replay };
}

export async function benchConversationTokens(): Promise<string[]> {
  const registry = parseModelRegistry(
    JSON.parse(readFileSync(new URL('../config/models.json', import.meta.url), 'utf8')) as unknown,
  );
  const lines = [
    `Input tokens of a ${TEN_PROMPTS.length}-turn conversation (text ≈ chars/${CHARS_PER_TOKEN}; 560 per input image on Gemini 3, 258 on 2.5):`,
    '| model | stateless (ours) | naive full replay | saved | turn 10 alone | input cost, ours → replay |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const model of registry.models) lines.push(row(model));
  lines.push(
    '',
    'Stateless: each turn sends one image (the chosen turn’s result) and its prompt with the earlier prompts',
    'summarised, so its cost stays flat; full replay re-sends every earlier image and answer, so it grows every turn.',
  );
  return lines;
}

function row(model: ModelInfo): string {
  const perImage = inputTokensPerImage(model);
  const { stateless, replay } = conversationTokens(TEN_PROMPTS, perImage);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const ours = sum(stateless);
  const naive = sum(replay);
  const usd = (tokens: number) =>
    `$${roundUsd((tokens * model.pricing.inputUsdPerMillionTokens) / 1_000_000).toFixed(4)}`;
  const n = (value: number) => value.toLocaleString('en-US');
  return `| ${model.id} | ${n(ours)} | ${n(naive)} | ${Math.round((1 - ours / naive) * 100)} % | ${n(stateless.at(-1)!)} vs ${n(replay.at(-1)!)} | ${usd(ours)} → ${usd(naive)} |`;
}
