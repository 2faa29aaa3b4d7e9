/**
 * A deliberately simple text layout for the double. There are no real font files here, so every font is treated as
 * monospaced: each character cell is 0.6 × fontSize wide and lines are 1.2 × fontSize tall (AUTO line height). Each
 * non-space character is drawn in a 5×7 dot-matrix font (pixel-font.ts) as small rectangles, so words are legible
 * in exports and in the playground, and bold draws thicker strokes. Pixels of text will not match Figma's.
 */
import { glyphDrop, glyphRuns, GLYPH_ROWS } from './pixel-font.js';

/** Width of one character cell as a fraction of the font size. */
export const ADVANCE_EM = 0.6;
/** AUTO line height as a fraction of the font size. */
export const AUTO_LINE_HEIGHT_EM = 1.2;

/** What layout needs to know about a text node. */
export interface TextLayoutInput {
  characters: string;
  fontSize: number;
  lineHeight: LineHeight;
  textAutoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE';
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED';
  textAlignVertical: 'TOP' | 'CENTER' | 'BOTTOM';
  fontName: FontName;
  /** The node's current width and height (used when the box is fixed). */
  width: number;
  height: number;
}

/** Lines, the box they need, and the rectangles that draw the visible characters. */
export interface TextLayout {
  lines: string[];
  width: number;
  height: number;
  lineHeight: number;
  glyphs: Rect[];
}

/** Line height in pixels. */
export function lineHeightPx(fontSize: number, lineHeight: LineHeight): number {
  if (lineHeight.unit === 'PIXELS') return lineHeight.value;
  if (lineHeight.unit === 'PERCENT') return (fontSize * lineHeight.value) / 100;
  return fontSize * AUTO_LINE_HEIGHT_EM;
}

/** Lays text out in its box; with WIDTH_AND_HEIGHT the box grows to fit, with HEIGHT lines wrap at the width. */
export function layoutText(input: TextLayoutInput): TextLayout {
  const advance = input.fontSize * ADVANCE_EM;
  const lh = lineHeightPx(input.fontSize, input.lineHeight);
  const wraps = input.textAutoResize !== 'WIDTH_AND_HEIGHT';
  const maxChars = wraps ? Math.max(1, Math.floor((input.width + 1e-6) / advance)) : Infinity;
  const lines = input.characters.split('\n').flatMap((paragraph) => wrap(paragraph, maxChars));
  const longest = Math.max(0, ...lines.map((l) => l.length));
  const width = input.textAutoResize === 'WIDTH_AND_HEIGHT' ? longest * advance : input.width;
  const contentHeight = lines.length * lh;
  const height =
    input.textAutoResize === 'WIDTH_AND_HEIGHT' || input.textAutoResize === 'HEIGHT' ? contentHeight : input.height;
  const top =
    input.textAlignVertical === 'CENTER'
      ? (height - contentHeight) / 2
      : input.textAlignVertical === 'BOTTOM'
        ? height - contentHeight
        : 0;
  const bold = /bold|black|heavy/i.test(input.fontName.style);
  // A dot is a tenth of the font size: five across and a dot of space make the 0.6 em cell, seven up the 0.7 em cap
  // height. Bold widens each stroke by a fifth of a dot on both sides.
  const dot = input.fontSize * 0.1;
  const widen = bold ? dot * 0.2 : 0;
  const glyphs: Rect[] = [];
  lines.forEach((line, row) => {
    const lineWidth = line.length * advance;
    const left =
      input.textAlignHorizontal === 'CENTER'
        ? (width - lineWidth) / 2
        : input.textAlignHorizontal === 'RIGHT'
          ? width - lineWidth
          : 0;
    const baseline = top + row * lh + (lh + input.fontSize * 0.7) / 2;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (/\s/.test(ch)) continue;
      const cellLeft = left + i * advance + dot / 2;
      const drop = glyphDrop(ch);
      for (const [dotRow, column, length] of glyphRuns(ch)) {
        glyphs.push({
          x: cellLeft + column * dot - widen,
          y: baseline - (GLYPH_ROWS - dotRow - drop) * dot,
          width: length * dot + 2 * widen,
          height: dot,
        });
      }
    }
  });
  return { lines, width, height, lineHeight: lh, glyphs };
}

/** Greedy word wrap to `maxChars` per line; a word longer than a line is broken. */
function wrap(paragraph: string, maxChars: number): string[] {
  if (paragraph.length <= maxChars) return [paragraph];
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    let rest = word;
    while (rest.length > maxChars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, maxChars));
      rest = rest.slice(maxChars);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (candidate.length <= maxChars) line = candidate;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}
