import { describe, expect, it } from 'vitest';
import { newTurnId } from '../../core/turn-id.js';
import { utf8Length } from '../../core/utf8-length.js';

describe('utf8Length matches TextEncoder', () => {
  it.each(['', 'abc', 'é', '語', '😀', 'a😀b語c', '\ud800', '\udc00x', '\ud800\ud800'])('%j', (text) => {
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('newTurnId', () => {
  it('is the time and ten random base-36 digits', () => {
    expect(newTurnId(36 ** 3, () => 0.5)).toBe('t1000' + 'i'.repeat(10));
  });
  it('differs between calls', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newTurnId()));
    expect(ids.size).toBe(100);
  });
});
