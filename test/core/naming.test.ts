import { describe, expect, it } from 'vitest';
import { continuedName, resultName, truncatePrompt } from '../../core/naming.js';

describe('resultName', () => {
  const cases: [string | null, string, string][] = [
    ['Poster', 'warmer light', 'Poster — warmer light'],
    ['  Poster  ', '  warmer\n\nlight ', 'Poster — warmer light'],
    [null, 'a red bicycle', 'Banana — a red bicycle'],
    ['', 'a red bicycle', 'Banana — a red bicycle'],
    ['Poster', '   ', 'Poster'],
    [
      'Hero',
      'replace the background with a sunny beach at golden hour and add palm trees',
      'Hero — replace the background with a sunny…',
    ],
  ];
  it.each(cases)('%j + %j → %j', (source, prompt, expected) => {
    expect(resultName(source, prompt)).toBe(expected);
  });
});

describe('truncatePrompt', () => {
  const cases: [string, number, string][] = [
    ['short', 40, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['one two three four', 10, 'one two…'],
    ['one two three four', 9, 'one two…'],
    ['a red bicycle leaning on a yellow wall, afternoon sun', 40, 'a red bicycle leaning on a yellow wall,…'],
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
    ['😀😀😀😀😀😀', 4, '😀😀😀…'],
    ['x', 1, 'x'],
  ];
  it.each(cases)('%j at %i → %j', (prompt, max, expected) => {
    const out = truncatePrompt(prompt, max);
    expect(out).toBe(expected);
    expect(Array.from(out).length).toBeLessThanOrEqual(max);
  });
});

describe('continuedName', () => {
  const cases: [string, string][] = [
    ['Poster — warmer light', 'Poster'],
    ['Poster — warmer light — old style', 'Poster'],
    ['Hero image', 'Hero image'],
    ['— leading dash', '— leading dash'],
  ];
  it.each(cases)('%j → %j', (name, expected) => expect(continuedName(name)).toBe(expected));

  it('keeps a continued result short: the source name and the new prompt', () => {
    expect(resultName(continuedName('Poster — warmer light'), 'navy jacket')).toBe('Poster — navy jacket');
  });
});
