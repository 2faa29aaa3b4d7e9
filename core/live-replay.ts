/**
 * The **live replay** variant of a turn's context (DESIGN.md §4, gemini-api.md §2.5–2.6 option b): while one
 * panel session keeps talking to one model, the model's own earlier turns are sent back verbatim, thought
 * signatures untouched, so Gemini 3 keeps its hidden reasoning about the image. Signatures are tied to the model
 * ("Invalid thought signature" after a switch, gemini-api.md §2.6), a Gemini 3 model turn without them is a 400
 * (§0.5), and they live only in memory (plugin data cannot hold images), so replay is allowed only inside the
 * session that made the turns, on the same model, and falls back to the stateless turn otherwise.
 *
 * This is the pure half: the proxy must first return the model's parts and accept a `history` (see the report of
 * issue 6 for the schema); until then the panel always sends stateless turns.
 */

/** One part of a content as Gemini sends and takes it (camelCase, as the SDK and REST both accept). */
export interface ReplayPart {
  text?: string;
  inlineData?: { mimeType: string; data: string };
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
  /** The turn it continued, or null. */
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
}

/** Replay the `path` (oldest first, ending with the base turn), or why not. */
export type ReplayDecision = { ok: true; path: LiveTurn[] } | { ok: false; reason: string };

/**
 * The rule for when replay is allowed: the base turn and its parents up to where the session started were all made
 * in this session, all by the model the next call goes to, each model turn still carries the signatures the model
 * needs, the base layer was not edited since, and the chain is at most {@link MAX_REPLAY_TURNS} long.
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
  return { ok: true, path };
}

/**
 * Whether a model turn carries what Gemini 3 checks on replay (gemini-api.md §2.6): a signature on every image part
 * that is not a thought, and on the first text part when text comes before the first image.
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
  const contents: ReplayContent[] = [];
  for (const turn of path) {
    contents.push({ role: 'user', parts: [...turn.user.parts] });
    contents.push({ role: 'model', parts: [...turn.modelTurn.parts] });
  }
  contents.push({ role: 'user', parts: [...next.parts] });
  return contents;
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
      if (part.thought) continue; // thoughts are not billed as input (gemini-api.md §1.2: "not charged")
      if (part.text) chars += part.text.length;
      if (part.inlineData) images++;
    }
  }
  return Math.ceil(chars / charsPerToken) + images * tokensPerImage;
}

function refuse(reason: string): ReplayDecision {
  return { ok: false, reason: `Replay is not possible: ${reason}.` };
}
