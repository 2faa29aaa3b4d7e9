/**
 * Posters and layouts (docs/architecture.md#posters-and-live-text): the text layers of the frame being edited are read
 * as context. Each gets a role (headline, body, call to action) from its size, length and name, and a place in the
 * frame; their strings go into the instruction (core/text-context-instruction.ts), so the image leaves room for them
 * and matches their tone.
 */
import { truncatePrompt } from './naming.js';

/** A text layer of the frame, as the sandbox reads it: its box is in the frame's own coordinates (points). */
export interface TextLayerInfo {
  name: string;
  characters: string;
  /** The layer's font size, or null when it mixes several. */
  fontSize: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a text layer is for in the layout. */
export type TextRole = 'headline' | 'body' | 'cta';

/** A text layer with its role, its text on one line, and where it sits ("bottom-left"). */
export interface TextContextItem {
  role: TextRole;
  text: string;
  place: string;
}

/** Longest excerpt of one text layer in the instruction, in characters. */
export const TEXT_CONTEXT_CHARS = 160;
/** Most text layers the instruction lists (the largest first). */
export const MAX_TEXT_CONTEXT_ITEMS = 8;
/** A call to action is short: at most this many words and characters ("Shop now", "Book a table"). */
const CTA_MAX_WORDS = 4;
const CTA_MAX_CHARS = 32;
/** A headline is a line or two, not a paragraph. */
const HEADLINE_MAX_WORDS = 15;

const CTA_NAME = /\b(cta|button|btn|call[\s-]?to[\s-]?action)\b/i;
const HEADLINE_NAME = /\b(headline|heading|title)\b/i;

/** Where a box's centre sits in a `width × height` frame, on a 3 × 3 grid: "top-left", "centre", "bottom". */
export function placeInFrame(box: { x: number; y: number; width: number; height: number }, frame: Size): string {
  const cx = (box.x + box.width / 2) / frame.width;
  const cy = (box.y + box.height / 2) / frame.height;
  const column = cx < 1 / 3 ? 'left' : cx > 2 / 3 ? 'right' : '';
  const row = cy < 1 / 3 ? 'top' : cy > 2 / 3 ? 'bottom' : '';
  if (row && column) return `${row}-${column}`;
  if (row) return row;
  return column ? `middle-${column}` : 'centre';
}

interface Size {
  width: number;
  height: number;
}

/** A text layer's size: its font size, or (mixed sizes) its height over its lines at Figma's usual 1.2 leading. */
function sizeOf(text: TextLayerInfo): number {
  if (text.fontSize !== null && text.fontSize > 0) return text.fontSize;
  const lines = Math.max(1, text.characters.split('\n').length);
  return text.height / lines / 1.2;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The roles of a frame's text layers, in reading order (top to bottom, then left to right), empty ones left out.
 * - **headline**: the largest text (the topmost on a tie) when it is a line or two, or a layer named like one;
 * - **cta**: a short text ("Shop now") that is not the headline, or a layer named like a button or CTA;
 * - **body**: everything else.
 * At most {@link MAX_TEXT_CONTEXT_ITEMS} layers are kept, the largest first.
 */
export function classifyTextLayers(texts: readonly TextLayerInfo[], frame: Size): TextContextItem[] {
  const layers = texts
    .map((layer) => ({ layer, text: truncatePrompt(layer.characters, TEXT_CONTEXT_CHARS), size: sizeOf(layer) }))
    .filter((t) => t.text !== '');
  if (layers.length === 0) return [];
  const kept = [...layers].sort((a, b) => b.size - a.size).slice(0, MAX_TEXT_CONTEXT_ITEMS);
  const byName = kept.find((t) => HEADLINE_NAME.test(t.layer.name));
  const largest = [...kept].sort((a, b) => b.size - a.size || a.layer.y - b.layer.y)[0]!;
  const headline = byName ?? (wordCount(largest.text) <= HEADLINE_MAX_WORDS ? largest : null);
  const roleOf = (t: (typeof kept)[number]): TextRole => {
    if (t === headline) return 'headline';
    if (CTA_NAME.test(t.layer.name)) return 'cta';
    const short = wordCount(t.text) <= CTA_MAX_WORDS && t.text.length <= CTA_MAX_CHARS;
    return short && (headline === null || t.size <= headline.size) ? 'cta' : 'body';
  };
  return kept
    .sort((a, b) => a.layer.y - b.layer.y || a.layer.x - b.layer.x)
    .map((t) => ({ role: roleOf(t), text: t.text, place: placeInFrame(t.layer, frame) }));
}
