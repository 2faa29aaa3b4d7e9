import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../core/sha1.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('sha1Hex', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty', new Uint8Array(0), 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['"abc" (FIPS 180 example)', text('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'two blocks (FIPS 180 example)',
      text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    ],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => expect(sha1Hex(bytes)).toBe(expected));

  it('agrees with Node for every length around the block and padding edges', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(sha1Hex(bytes), `length ${length}`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('reads a view into a larger buffer, not the whole buffer', () => {
    const buffer = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const view = buffer.subarray(17, 250);
    expect(sha1Hex(view)).toBe(createHash('sha1').update(view).digest('hex'));
  });
});
