import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';

describe('base64', () => {
  it.each([[''], ['f'], ['fo'], ['foo'], ['foob'], ['fooba'], ['foobar']])('matches Node for %j', (text) => {
    const bytes = new TextEncoder().encode(text);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });

  it('round-trips every byte value and long inputs', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each([['ab$d'], ['a'], ['abcde']])('rejects %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(RangeError);
  });
});
