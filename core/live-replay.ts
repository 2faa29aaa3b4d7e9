/**
 * The **live replay** variant of a turn's context (docs/live-replay.md;
 * docs/gemini-platform.md#stateless-or-replayed-turns, option b): while one panel session keeps talking to one model,
 * the model's own earlier turns are sent back verbatim, thought signatures untouched, so Gemini 3 keeps its hidden
 * reasoning about the image. Signatures are tied to the model ("Invalid thought signature" after a switch), a Gemini 3
 * model turn without them is a 400 (docs/gemini-platform.md#thought-signatures), and they live only in memory (plugin
 * data cannot hold images), so replay is allowed only inside the session that made the turns, on the same model, and
 * falls back to the stateless turn otherwise.
 *
 * This is the pure half: which turns a session remembers, when replaying them is allowed, and what the replayed
 * call sends. The panel (ui/actions/generate.ts) sends it as `history` on `POST /v1/generate` (core/proxy-schema.ts),
 * and the proxy hands the model's answer back as `modelTurn` when asked with `returnModelTurn`.
 */
import { historyInputImageCount, MAX_THOUGHT_IMAGES_PER_TURN, thoughtImageFault } from './history-images.js';
import type { ImageRole } from './image-sizes.js';
import { roleSentence } from './input-instruction.js';

/** Image types a replayed part may carry: what the proxy takes inline (`INPUT_MIME_TYPES`, core/proxy-schema.ts). */
export type ReplayMimeType = 'image/png' | 'image/jpeg' | 'image/webp';

/** One part of a content as Gemini sends and takes it (camelCase, as the SDK and REST both accept). */
export interface ReplayPart {
  text?: string;
  inlineData?: { mimeType: ReplayMimeType; data: string };
  /** An interim "thought" part (Gemini 3); replayed as it came. */
  thought?: boolean;
  /** Opaque; must go back byte for byte on the part it came with. */
  thoughtSignature?: string;
}

/** A user or model content. */
export interface ReplayContent {
  role: 'user' | 'model';
  parts: ReplayPart[];
}

/** One turn made live in this panel session: what was sent and what the model answered. */
export interface LiveTurn {
  /** The turn record's id. */
  turnId: string;
  /**
   * The live turn this call replayed last (the turn it continued), or null when the call was sent stateless: its
   * user content then holds the base image and the summary of the chain, so a replay can start from it.
   */
  parentTurnId: string | null;
  /** The model that answered. */
  model: string;
  /** What the panel sent (images, then the instruction). */
  user: ReplayContent;
  /** The model's answer as the proxy returned it, parts untouched. */
  modelTurn: ReplayContent;
}

/** Longest chain replayed: each replayed turn costs its images again, so past this a stateless turn is cheaper. */
export const MAX_REPLAY_TURNS = 6;

/** Most live turns one panel session keeps in memory (each holds its images); the oldest are forgotten first. */
export const MAX_SESSION_TURNS = 2 * MAX_REPLAY_TURNS;

/**
 * Largest replayed request the panel sends, in characters of base64 and text: half the proxy's default body limit
 * (64 MB, `BANANA_MAX_BODY_MB`), so a chain of big images goes stateless instead of being refused as too large.
 */
export const MAX_REPLAY_CHARS = 32 * 1024 * 1024;

/** What the next turn wants to replay. */
export interface ReplayRequest {
  /** The turn being continued. */
  baseTurnId: string;
  /** The model the next call goes to. */
  model: string;
  /** Whether that model signs its parts and rejects model turns without signatures (Gemini 3). */
  signaturesRequired: boolean;
  /** The base turn's layer still shows exactly what the model made (its fill is that turn's image). */
  baseUnchanged: boolean;
  /**
   * The model's limit on input images. Every image of the call that is not a thought counts against it, the
   * replayed model turns' too, as the proxy counts them (core/history-images.ts).
   */
  maxInputImages?: number;
  /** Images the new user content adds (references selected now). */
  newImages?: number;
  /** Characters the new user content adds (base64 of its images and the prompt). */
  newChars?: number;
}

/** Replay the `path` (oldest first, ending with the base turn), or why not. */
export type ReplayDecision = { ok: true; path: LiveTurn[] } | { ok: false; reason: string };

/**
 * The rule for when replay is allowed: the base turn and its parents up to where the session started (or last
 * went stateless) were all made in this session, all by the model the next call goes to, each model turn still
 * carries the signatures the model needs, the base layer was not edited since, the chain is at most
 * {@link MAX_REPLAY_TURNS} long, and the whole call stays within the model's image limit and
 * {@link MAX_REPLAY_CHARS}.
 */
export function replayDecision(session: readonly LiveTurn[], request: ReplayRequest): ReplayDecision {
  const byId = new Map(session.map((turn) => [turn.turnId, turn]));
  if (!byId.has(request.baseTurnId)) return refuse('the turn was not made in this session');
  if (!request.baseUnchanged) return refuse('its layer was changed after the model made it');
  const path: LiveTurn[] = [];
  const seen = new Set<string>();
  for (let turn = byId.get(request.baseTurnId); turn; turn = byId.get(turn.parentTurnId ?? '')) {
    if (seen.has(turn.turnId)) return refuse('the session transcript loops');
    seen.add(turn.turnId);
    path.unshift(turn);
  }
  if (path.length > MAX_REPLAY_TURNS) return refuse(`the chain is longer than ${MAX_REPLAY_TURNS} turns`);
  for (const turn of path) {
    // Never across models: a signature is only valid for the model that made it.
    if (turn.model !== request.model) return refuse(`a turn was made by ${turn.model}, not ${request.model}`);
    if (turn.modelTurn.role !== 'model' || turn.modelTurn.parts.length === 0) return refuse('a model turn is empty');
    if (request.signaturesRequired && !hasRequiredSignatures(turn.modelTurn.parts)) {
      return refuse('a model turn lost its thought signatures');
    }
  }
  const contents = path.flatMap((turn) => [turn.user, turn.modelTurn]);
  const thoughts = thoughtImageFault(contents);
  if (thoughts?.kind === 'in_user_turn') return refuse('a user turn holds an image marked as a thought');
  if (thoughts?.kind === 'too_many') {
    return refuse(
      `a model turn holds ${thoughts.count} thought images; at most ${MAX_THOUGHT_IMAGES_PER_TURN} are taken`,
    );
  }
  if (request.maxInputImages !== undefined) {
    const images = historyInputImageCount(contents) + (request.newImages ?? 0);
    if (images > request.maxInputImages) {
      return refuse(`the conversation holds ${images} input images; the model takes ${request.maxInputImages}`);
    }
  }
  const chars = contentsChars(contents) + (request.newChars ?? 0);
  if (chars > MAX_REPLAY_CHARS) return refuse('the conversation is too large to send again');
  return { ok: true, path };
}

/**
 * Whether a model turn carries what Gemini 3 checks on replay (docs/gemini-platform.md#thought-signatures): a signature
 * on every image part that is not a thought, and on the first text part when text comes before the first image.
 */
export function hasRequiredSignatures(parts: readonly ReplayPart[]): boolean {
  const firstImage = parts.findIndex((p) => p.inlineData && !p.thought);
  const firstText = parts.findIndex((p) => p.text !== undefined && !p.thought);
  if (firstText >= 0 && (firstImage < 0 || firstText < firstImage) && !parts[firstText]!.thoughtSignature) {
    return false;
  }
  return parts.every((p) => !p.inlineData || p.thought || Boolean(p.thoughtSignature));
}

/**
 * The `contents` of a replayed call: each turn of the path as it was (the user content, then the model's content
 * with the very same part objects, so signatures go back untouched), then the new user content.
 */
export function replayContents(path: readonly LiveTurn[], next: ReplayContent): ReplayContent[] {
  return [...replayHistory(path), { role: 'user', parts: [...next.parts] }];
}

/** The earlier turns of a replayed call, without the new user content: what `POST /v1/generate` takes as `history`. */
export function replayHistory(path: readonly LiveTurn[]): ReplayContent[] {
  const contents: ReplayContent[] = [];
  for (const turn of path) {
    contents.push({ role: 'user', parts: [...turn.user.parts] });
    contents.push({ role: 'model', parts: [...turn.modelTurn.parts] });
  }
  return contents;
}

/**
 * The user content the proxy sends for a request (proxy/routes/generate.ts `toParts`): its images in order, then
 * the prompt, trimmed as the proxy's schema trims it. What a {@link LiveTurn} keeps as `user`.
 */
export function userContent(
  images: readonly { data: string; mimeType: ReplayMimeType }[],
  prompt: string,
): ReplayContent {
  return {
    role: 'user',
    parts: [
      ...images.map((image) => ({ inlineData: { mimeType: image.mimeType, data: image.data } })),
      { text: prompt.trim() },
    ],
  };
}

/**
 * The prompt of a replayed turn: the model already has the image it made (its own last turn) and the earlier
 * instructions, so no summary and no base image. References selected now are named by their place, and the model is
 * told to keep editing its own image; then the person's words and the frame's text as context, as in a stateless
 * edit (core/edit-prompt.ts).
 */
export function replayPrompt(parts: {
  images: readonly Exclude<ImageRole, 'base'>[];
  instruction: string;
  text: string;
}): string {
  const images =
    parts.images.length === 0
      ? ''
      : `${parts.images.map((role, index) => roleSentence(role, index)).join(' ')} Keep editing the image you made last; ${
          parts.images.length === 1 ? 'this image is' : 'these images are'
        } only a reference.`;
  return [images, parts.instruction.trim(), parts.text.trim()].filter((part) => part !== '').join('\n\n');
}

/**
 * The session with `turn` remembered (replacing an older entry for the same turn), at most {@link MAX_SESSION_TURNS}.
 */
export function rememberTurn(session: readonly LiveTurn[], turn: LiveTurn): LiveTurn[] {
  const kept = session.filter((t) => t.turnId !== turn.turnId);
  kept.push(turn);
  return kept.slice(Math.max(0, kept.length - MAX_SESSION_TURNS));
}

/** The session without the turns of `path`: a chain Gemini refused is never replayed again. */
export function forgetTurns(session: readonly LiveTurn[], path: readonly Pick<LiveTurn, 'turnId'>[]): LiveTurn[] {
  const gone = new Set(path.map((turn) => turn.turnId));
  return session.filter((turn) => !gone.has(turn.turnId));
}

/** Characters the contents take on the wire, roughly: base64 of images, text and signatures. */
export function contentsChars(contents: readonly ReplayContent[]): number {
  let chars = 0;
  for (const content of contents) {
    for (const part of content.parts) {
      chars += (part.text?.length ?? 0) + (part.inlineData?.data.length ?? 0) + (part.thoughtSignature?.length ?? 0);
    }
  }
  return chars;
}

/** Input tokens a call with `contents` costs, by the rule core/cost-estimate.ts and the Gemini double use. */
export function contentsInputTokens(
  contents: readonly ReplayContent[],
  tokensPerImage: number,
  charsPerToken = 4,
): number {
  let chars = 0;
  let images = 0;
  for (const content of contents) {
    for (const part of content.parts) {
      if (part.thought) continue; // thoughts are not billed as input (docs/gemini-platform.md#capabilities-per-model)
      if (part.text) chars += part.text.length;
      if (part.inlineData) images++;
    }
  }
  return Math.ceil(chars / charsPerToken) + images * tokensPerImage;
}

function refuse(reason: string): ReplayDecision {
  return { ok: false, reason: `Replay is not possible: ${reason}.` };
}
