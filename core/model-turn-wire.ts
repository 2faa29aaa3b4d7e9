/**
 * `modelTurn` on the wire (live replay, docs/live-replay.md): the model's content holds the answer's image too, so
 * the proxy leaves that part's `data` empty and the panel puts `image.data` back. A 4K answer is then sent once, not
 * twice. Every other byte of every part, signatures included, travels as Gemini sent it.
 */
import type { GenerateResponse, ModelTurn } from './proxy-schema.js';
import { modelTurnSchema } from './proxy-schema.js';

/**
 * The content to send: the last non-thought inline part whose data is `imageData` (the part the answer's image was
 * read from) with empty data. Null when no part is that image, or a part already has empty data (it would be
 * taken for the image on the way back), so the answer goes without `modelTurn`.
 */
export function packModelTurn(turn: ModelTurn, imageData: string): ModelTurn | null {
  const { parts } = turn;
  if (parts.some((part) => part.inlineData?.data === '')) return null;
  let at = -1;
  parts.forEach((part, i) => {
    if (part.inlineData?.data === imageData && !part.thought) at = i;
  });
  if (at < 0) return null;
  return {
    ...turn,
    parts: parts.map((part, i) =>
      i === at && part.inlineData ? { ...part, inlineData: { ...part.inlineData, data: '' } } : part,
    ),
  };
}

/** The content as Gemini sent it, the image's data put back; null when the result is not a replayable turn. */
export function unpackModelTurn(turn: ModelTurn, imageData: string): ModelTurn | null {
  const parts = turn.parts.map((part) =>
    part.inlineData?.data === '' ? { ...part, inlineData: { ...part.inlineData, data: imageData } } : part,
  );
  const unpacked = { ...turn, parts };
  return modelTurnSchema.safeParse(unpacked).success ? unpacked : null;
}

/**
 * A 200 answer as the panel keeps it: `modelTurn` whole again; a turn that cannot be made whole is dropped, so the
 * next turn goes stateless.
 */
export function withFullModelTurn(answer: GenerateResponse): GenerateResponse {
  if (!answer.modelTurn) return answer;
  const { modelTurn, ...rest } = answer;
  const full = unpackModelTurn(modelTurn, answer.image.data);
  return full ? { ...rest, modelTurn: full } : rest;
}
