/** The Figma double's text: a 5×7 dot-matrix font laid out in monospaced cells (render/pixel-font.ts). */
import { describe, expect, it } from 'vitest';
import { glyphDrop, glyphRows, glyphRuns } from '../../dev/figma-double/render/pixel-font.js';
import { layoutText, type TextLayoutInput } from '../../dev/figma-double/render/text-layout.js';

const text = (characters: string, more: Partial<TextLayoutInput> = {}): TextLayoutInput => ({
  characters,
  fontSize: 10,
  lineHeight: { unit: 'AUTO' },
  textAutoResize: 'WIDTH_AND_HEIGHT',
  textAlignHorizontal: 'LEFT',
  textAlignVertical: 'TOP',
  fontName: { family: 'Inter', style: 'Regular' },
  width: 0,
  height: 0,
  ...more,
});

describe('glyphs', () => {
  it.each([
    [
      'T',
      [
        [0, 0, 5],
        [1, 2, 1],
        [2, 2, 1],
        [3, 2, 1],
        [4, 2, 1],
        [5, 2, 1],
        [6, 2, 1],
      ],
    ],
    ['-', [[3, 0, 5]]],
    [
      'H',
      [
        [0, 0, 1],
        [0, 4, 1],
        [1, 0, 1],
        [1, 4, 1],
        [2, 0, 1],
        [2, 4, 1],
        [3, 0, 5],
        [4, 0, 1],
        [4, 4, 1],
        [5, 0, 1],
        [5, 4, 1],
        [6, 0, 1],
        [6, 4, 1],
      ],
    ],
  ])('draws %s as runs of dots', (ch, runs) => {
    expect(glyphRuns(ch)).toEqual(runs);
  });

  it.each([
    ['’', "'"],
    ['—', '-'],
    ['é', 'e'],
    ['Ü', 'U'],
  ])('draws %s as %s', (ch, like) => {
    expect(glyphRows(ch)).toEqual(glyphRows(like));
  });

  it('draws a character it has no glyph for as a box, never as nothing', () => {
    expect(glyphRows('漢')).toEqual([31, 31, 31, 31, 31, 31, 31]);
  });

  it('drops g, p, q and y below the baseline, and nothing else', () => {
    expect([...'gpqyaAj.'].map(glyphDrop)).toEqual([2, 2, 2, 2, 0, 0, 0, 0]);
  });
});

describe('layoutText', () => {
  it('puts each character’s dots in its own 0.6 em cell, the capitals 0.7 em tall', () => {
    const { glyphs, width } = layoutText(text('TT'));
    expect(width).toBe(12);
    const [first, second] = [glyphs.filter((g) => g.x < 6), glyphs.filter((g) => g.x >= 6)];
    expect(first).toHaveLength(7);
    expect(second).toHaveLength(7);
    const top = Math.min(...first.map((g) => g.y));
    const bottom = Math.max(...first.map((g) => g.y + g.height));
    expect(bottom - top).toBeCloseTo(7);
    expect(Math.max(...second.map((g) => g.x + g.width))).toBeLessThanOrEqual(12);
  });

  it('skips spaces and draws bold strokes wider', () => {
    expect(layoutText(text(' ')).glyphs).toEqual([]);
    const regular = layoutText(text('l')).glyphs;
    const bold = layoutText(text('l', { fontName: { family: 'Inter', style: 'Bold' } })).glyphs;
    expect(bold).toHaveLength(regular.length);
    expect(bold[0]!.width).toBeGreaterThan(regular[0]!.width);
  });

  it('draws a descender below the line’s baseline, inside the line', () => {
    const [a, g] = [layoutText(text('a')), layoutText(text('g'))];
    const bottom = (glyphs: { y: number; height: number }[]) => Math.max(...glyphs.map((r) => r.y + r.height));
    expect(bottom(g.glyphs) - bottom(a.glyphs)).toBeCloseTo(2);
    expect(bottom(g.glyphs)).toBeLessThanOrEqual(g.height);
  });
});
