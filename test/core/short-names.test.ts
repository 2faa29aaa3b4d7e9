import { describe, expect, it } from 'vitest';
import { shortNames } from '../../core/short-names.js';

describe('shortNames', () => {
  it('keeps what tells a batch’s results apart', () => {
    expect(shortNames(['Poster — warm · variant 1', 'Poster — warm · variant 2'])).toEqual(['variant 1', 'variant 2']);
  });

  it('keeps the names when they differ before the end, repeat, or have no separator', () => {
    expect(shortNames(['Poster · variant 1', 'Photo · variant 2'])).toEqual([
      'Poster · variant 1',
      'Photo · variant 2',
    ]);
    expect(shortNames(['A · variant 1', 'A · variant 1'])).toEqual(['A · variant 1', 'A · variant 1']);
    expect(shortNames(['Poster', 'Photo'])).toEqual(['Poster', 'Photo']);
    expect(shortNames(['Poster · variant 1'])).toEqual(['Poster · variant 1']);
    expect(shortNames([])).toEqual([]);
  });
});
