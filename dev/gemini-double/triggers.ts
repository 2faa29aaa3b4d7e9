/**
 * Magic words that make the Gemini double misbehave on purpose. They live in the prompt text, so a person can type
 * them in the playground and a test can send them through the real SDK; every one is listed in
 * docs/gemini-double.md. Parsing is pure: the server decides what to do with the result.
 */
import { TRIGGER_ERROR_STATUSES, type TriggerErrorStatus } from './errors.js';

/** What the prompt asked the double to do, beyond drawing a picture. */
export interface Triggers {
  /** Wait this long (ms) before answering; 0 for no wait. */
  delayMs: number;
  /** On an SSE stream, wait this long (ms) between chunks instead of the double's own spacing; null for that. */
  streamDelayMs: number | null;
  /** Never answer; wait for the client to go away. */
  hang: boolean;
  /** Answer with this error every time. */
  error: TriggerErrorStatus | null;
  /** `RetryInfo.retryDelay` for a 429, as a protobuf Duration ("2s"). */
  retryDelay: string;
  /** Fail the first `times` calls with this prompt, then succeed. */
  flaky: { status: TriggerErrorStatus; times: number } | null;
  /**
   * Fail only the `call`-th call with this prompt (1-based), with an HTTP error or a refusal; every other call
   * answers normally. For variants: N parallel calls send the same upstream request (the variant index stays in
   * the proxy), so "one of the four fails" has to be "the Nth call with this prompt fails".
   */
  nth: { call: number; status: TriggerErrorStatus | null; finishReason: string | null } | null;
  /**
   * Each call with this prompt draws a different picture (its call number joins the seed), as real Gemini samples
   * a new image per call. Without it the same request always draws the same bytes.
   */
  vary: boolean;
  /** Block the prompt: `promptFeedback.blockReason`, no candidates. */
  blockReason: string | null;
  /** End the candidate with this finish reason and no content. */
  finishReason: string | null;
  /** Answer STOP with a text part and no image. */
  textOnly: boolean;
  /** Two `thought: true` images before the final one. */
  thoughts: boolean;
  /** Two non-thought images; the last is the one to take. */
  multiImage: boolean;
  /** On a stream, send one text chunk and then an error event. */
  streamError: boolean;
  /** Destroy the socket in the middle of the body. */
  drop: boolean;
  /** Send an image part whose bytes are not an image. */
  corruptImage: boolean;
  /**
   * Answer in this format instead of the model's own (JPEG on Gemini 3, PNG on 2.5): `[double:jpeg]`, `[double:png]`.
   */
  format: 'image/png' | 'image/jpeg' | null;
  /**
   * Refuse every thought signature in a replayed model turn as not valid, as Gemini does for a signature it will not
   * take (one from another model: docs/gemini-platform.md#thought-signatures). A request without a signed model turn
   * answers normally.
   */
  invalidSignature: boolean;
  /**
   * In a Batch API job (batch-routes.ts): the whole job ends in this state, without output, when a request carrying
   * it is answered (`[double:batch-failed]`, `[double:batch-expired]`). A single call ignores it.
   */
  batchEnd: 'BATCH_STATE_FAILED' | 'BATCH_STATE_EXPIRED' | null;
  /** Answer at this pixel size instead of the tabled one (real answers differ from the tables). */
  size: [number, number] | null;
  /** Trigger words the double does not know; the server refuses them so typos surface. */
  unknown: string[];
}

/** The triggers, and the prompt with the trigger words removed: the seed of the picture. */
export interface ParsedPrompt {
  triggers: Triggers;
  seedText: string;
}

const TOKEN = /\[double:([^\]\s]*)\]/gi;

/** `BlockedReason` values on the Gemini API (docs/gemini-platform.md#response-shape). */
const BLOCK_REASONS = ['SAFETY', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'IMAGE_SAFETY'];

/** `FinishReason` values a refusal can carry (docs/gemini-platform.md#response-shape). */
const FINISH_REASONS = [
  'MAX_TOKENS',
  'SAFETY',
  'RECITATION',
  'LANGUAGE',
  'OTHER',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'MALFORMED_RESPONSE',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'IMAGE_OTHER',
  'NO_IMAGE',
];

const MAX_SIDE = 16_384;

/** Refusals a `[double:nth-…:N]` trigger can give, by the name of the matching flag trigger. */
const NTH_REFUSALS: Record<string, string> = {
  'image-safety': 'IMAGE_SAFETY',
  prohibited: 'PROHIBITED_CONTENT',
  'no-image': 'NO_IMAGE',
};

/** Triggers with every option off. */
export function noTriggers(): Triggers {
  return {
    delayMs: 0,
    streamDelayMs: null,
    hang: false,
    error: null,
    retryDelay: '2s',
    flaky: null,
    nth: null,
    vary: false,
    blockReason: null,
    finishReason: null,
    textOnly: false,
    thoughts: false,
    multiImage: false,
    streamError: false,
    drop: false,
    corruptImage: false,
    format: null,
    invalidSignature: false,
    batchEnd: null,
    size: null,
    unknown: [],
  };
}

/**
 * Reads every `[double:…]` word in the prompt (case-insensitive). The seed text is the prompt with the trigger
 * words and the blanks before them removed, and nothing else changed, so "a cat [double:slow:500]" draws the
 * same picture as "a cat".
 */
export function parseTriggers(text: string): ParsedPrompt {
  const triggers = noTriggers();
  for (const match of text.matchAll(TOKEN)) {
    if (!applyTrigger(triggers, (match[1] ?? '').toLowerCase())) triggers.unknown.push(match[0]);
  }
  const startsWithTrigger = /^\s*\[double:[^\]\s]*\]/i.test(text);
  let seedText = text.replace(/\s*\[double:[^\]\s]*\]/gi, '');
  if (startsWithTrigger) seedText = seedText.trimStart();
  return { triggers, seedText };
}

/** Applies one trigger's body (after `double:`, lowercased); false when it is not a trigger we know. */
function applyTrigger(t: Triggers, word: string): boolean {
  const [name = '', arg, ...rest] = word.split(':');
  if (rest.length > 0) return false;
  const status = errorStatus(name);
  if (status !== null) {
    if (arg === undefined) return set(t, { error: status });
    if (status !== 429 || !/^\d+(\.\d+)?s$/.test(arg)) return false;
    return set(t, { error: status, retryDelay: arg });
  }
  if (name.startsWith('flaky-')) {
    const flakyStatus = errorStatus(name.slice('flaky-'.length));
    const times = arg === undefined ? 1 : Number(arg);
    if (flakyStatus === null || !Number.isInteger(times) || times < 1 || times > 100) return false;
    return set(t, { flaky: { status: flakyStatus, times } });
  }
  if (name.startsWith('nth-')) {
    const effect = name.slice('nth-'.length);
    const call = Number(arg);
    const status = errorStatus(effect);
    const finishReason = NTH_REFUSALS[effect] ?? null;
    if ((status === null && finishReason === null) || !Number.isInteger(call) || call < 1 || call > 100) return false;
    return set(t, { nth: { call, status, finishReason } });
  }
  switch (name) {
    case 'slow': {
      const ms = arg === undefined ? 1000 : Number(arg);
      if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) return false;
      return set(t, { delayMs: ms });
    }
    case 'stream-delay': {
      const ms = Number(arg);
      if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) return false;
      return set(t, { streamDelayMs: ms });
    }
    case 'blocked': {
      const reason = arg === undefined ? 'PROHIBITED_CONTENT' : arg.toUpperCase();
      return BLOCK_REASONS.includes(reason) && set(t, { blockReason: reason });
    }
    case 'finish': {
      const reason = (arg ?? '').toUpperCase();
      return FINISH_REASONS.includes(reason) && set(t, { finishReason: reason });
    }
    case 'size': {
      const m = /^(\d+)x(\d+)$/.exec(arg ?? '');
      const w = Number(m?.[1]);
      const h = Number(m?.[2]);
      if (!m || !(w >= 1 && h >= 1 && w <= MAX_SIDE && h <= MAX_SIDE)) return false;
      return set(t, { size: [w, h] });
    }
  }
  if (arg !== undefined) return false;
  const flags: Record<string, Partial<Triggers>> = {
    hang: { hang: true },
    'image-safety': { finishReason: 'IMAGE_SAFETY' },
    prohibited: { finishReason: 'PROHIBITED_CONTENT' },
    'no-image': { finishReason: 'NO_IMAGE' },
    'text-only': { textOnly: true },
    thoughts: { thoughts: true },
    'multi-image': { multiImage: true },
    'stream-error': { streamError: true },
    drop: { drop: true },
    'corrupt-image': { corruptImage: true },
    jpeg: { format: 'image/jpeg' },
    png: { format: 'image/png' },
    vary: { vary: true },
    'invalid-signature': { invalidSignature: true },
    'batch-failed': { batchEnd: 'BATCH_STATE_FAILED' },
    'batch-expired': { batchEnd: 'BATCH_STATE_EXPIRED' },
  };
  const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
  return flag !== undefined && set(t, flag);
}

function errorStatus(name: string): TriggerErrorStatus | null {
  return TRIGGER_ERROR_STATUSES.find((s) => String(s) === name) ?? null;
}

function set(t: Triggers, change: Partial<Triggers>): true {
  Object.assign(t, change);
  return true;
}
