/**
 * How the images of a replayed `history` count, one rule for both sides: the panel plans a live replay with it
 * (core/live-replay.ts) and the proxy refuses by it (proxy/history-caps.ts), so the panel never sends a replay the
 * proxy would refuse with `too_many_images`.
 *
 * Every inline image that is not a thought counts against the model's input-image cap, whatever the role of its
 * content: a model turn is only the client's word, so images in a forged one must not slip past the cap. Thought
 * images are the model's own drafts (Gemini 3 "generates up to two interim images", and callers have seen up to
 * ten image parts in one answer: docs/live-replay.md), sent back as part of its turn, so they do not count; but a
 * client could flag any image `thought`, so they are accepted only in a model content, and at most
 * {@link MAX_THOUGHT_IMAGES_PER_TURN} in one.
 */

/** Most thought images one model content may carry back: the most image parts seen in one answer. */
export const MAX_THOUGHT_IMAGES_PER_TURN = 10;

/** The shape both `ReplayContent` (core/live-replay.ts) and the request's history contents have. */
export interface HistoryImageContent {
  role: string;
  parts: readonly { inlineData?: unknown; thought?: boolean }[];
}

/** Why a history's thought images are refused: one in a user content, or too many in one model content. */
export type ThoughtImageFault = { kind: 'in_user_turn' } | { kind: 'too_many'; count: number };

/** Inline images of the contents that are not thoughts, of any role: what counts as input images. */
export function historyInputImageCount(contents: readonly HistoryImageContent[]): number {
  let count = 0;
  for (const content of contents) count += content.parts.filter((part) => part.inlineData && !part.thought).length;
  return count;
}

/** The first content whose thought images break the rule above, or null. */
export function thoughtImageFault(contents: readonly HistoryImageContent[]): ThoughtImageFault | null {
  for (const content of contents) {
    const count = content.parts.filter((part) => part.inlineData && part.thought).length;
    if (count > 0 && content.role !== 'model') return { kind: 'in_user_turn' };
    if (count > MAX_THOUGHT_IMAGES_PER_TURN) return { kind: 'too_many', count };
  }
  return null;
}
