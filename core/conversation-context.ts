/**
 * What Gemini is sent for the next turn of a conversation (docs/architecture.md#context-sent-to-gemini), by default a
 * **stateless turn**: the chosen turn's image as the base (an export of its result layer), the references, and the new
 * instruction, with the earlier prompts of the chain summarised as text. No model turn is replayed, so no thought
 * signature is needed and the same context works across machines, models and branches
 * (docs/gemini-platform.md#stateless-or-replayed-turns, option a). It all fits the existing `POST /v1/generate` body:
 * one prompt and a list of images.
 *
 * Images go references first, base last: Google's examples put the image being edited last, one report says the last
 * image's size wins (docs/gemini-platform.md#request-knobs), and the Gemini double edits the last image. Each model
 * takes at most `maxInputImages` (from `GET /v1/models`); over that, the oldest references drop first and the base
 * never does. The references earlier turns used are sent again too (core/carried-references.ts).
 */
import type { ImageRole } from './image-sizes.js';
import { truncatePrompt } from './naming.js';
import { MAX_RECORD_PROMPT_CHARS } from './turn-record.js';

/** Most earlier prompts the summary lists; older ones are counted, not quoted. */
export const MAX_SUMMARISED_PROMPTS = 8;

/** Longest excerpt of one earlier prompt in the summary, in characters. */
export const SUMMARY_PROMPT_CHARS = 160;

/** An image the context may send; the builder only reads its role. */
export interface ContextImage {
  role: ImageRole;
}

/** Everything one turn's context is built from. */
export interface TurnContextInput<I extends ContextImage> {
  /** What the person typed for this turn. */
  instruction: string;
  /** Prompts of the turns the base image already went through, oldest first (empty for a first edit). */
  earlier: readonly string[];
  /** The image being edited (role `base`), or null for text-to-image. */
  base: I | null;
  /** Reference images, oldest first. */
  references: readonly I[];
  /** The model's limit on input images. */
  maxInputImages: number;
  /** Longest prompt to send; the proxy's limit by default. */
  maxPromptChars?: number;
}

/** The request's prompt and images. */
export interface TurnContext<I extends ContextImage> {
  prompt: string;
  /** In the order to send: the references kept, then the base. */
  images: I[];
  /** References left out to stay within the model's limit (the oldest ones). */
  dropped: I[];
  /** How many earlier prompts the summary quotes, and how many it only counts. */
  summarised: number;
  omitted: number;
}

/** Builds the context of a stateless turn. */
export function buildTurnContext<I extends ContextImage>(input: TurnContextInput<I>): TurnContext<I> {
  const limit = Math.max(0, Math.floor(input.maxInputImages));
  const baseSlots = input.base && limit > 0 ? 1 : 0;
  const keep = Math.max(0, Math.min(input.references.length, limit - baseSlots));
  const kept = input.references.slice(input.references.length - keep);
  const dropped = input.references.slice(0, input.references.length - keep);
  if (input.base && baseSlots === 0) dropped.push(input.base);
  const images = input.base && baseSlots ? [...kept, input.base] : kept;
  const summary = contextPrompt(input.instruction, input.base ? input.earlier : [], input.maxPromptChars);
  return { ...summary, images, dropped };
}

/**
 * The prompt of a stateless turn: the instruction alone for a first edit, or, after earlier edits,
 *
 * ```text
 * Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light; 2. navy jacket.
 * Now: remove the logo
 * ```
 *
 * At most {@link MAX_SUMMARISED_PROMPTS} earlier prompts are quoted (the newest), each cut to
 * {@link SUMMARY_PROMPT_CHARS}; older ones are only counted. When the whole would pass `maxChars`, the oldest
 * quotes go first, and the instruction is always sent whole.
 */
export function contextPrompt(
  instruction: string,
  earlier: readonly string[],
  maxChars = MAX_RECORD_PROMPT_CHARS,
): { prompt: string; summarised: number; omitted: number } {
  const now = instruction.trim();
  const quotes = earlier.map((p) => truncatePrompt(p, SUMMARY_PROMPT_CHARS)).filter((p) => p !== '');
  for (let shown = Math.min(quotes.length, MAX_SUMMARISED_PROMPTS); shown > 0; shown--) {
    const omitted = quotes.length - shown;
    const listed = quotes
      .slice(quotes.length - shown)
      .map((p, i) => `${omitted + i + 1}. ${p}`)
      .join('; ');
    const before = omitted > 0 ? ` (${omitted} earlier not listed)` : '';
    const prompt = `Earlier edits to this image, oldest first${before} (already applied, keep them): ${listed}.\nNow: ${now}`;
    if (prompt.length <= maxChars) return { prompt, summarised: shown, omitted };
  }
  return { prompt: now, summarised: 0, omitted: quotes.length };
}
