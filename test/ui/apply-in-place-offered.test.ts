import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../core/node-snapshot.js';
import { applyInPlaceOffered } from '../../ui/apply-in-place-offered.js';

const photo: NodeSnapshot = {
  id: '1:9',
  name: 'Photo',
  type: 'RECTANGLE',
  width: 300,
  height: 200,
  hasText: false,
  hasImageFill: true,
  hasTurn: false,
  imageHash: 'abc123',
};

describe('applyInPlaceOffered', () => {
  const cases: [string, NodeSnapshot | null, number, boolean][] = [
    ['an image layer, one result', photo, 1, true],
    ['nothing selected (text-to-image)', null, 1, false],
    ['variants: N results cannot all be one fill', photo, 3, false],
    ['a frame with text on its image (a poster)', { ...photo, hasText: true }, 1, false],
    ['a layer whose image is adjusted or covered (no imageHash)', { ...photo, imageHash: undefined }, 1, false],
    ['a layer with a solid fill', { ...photo, hasImageFill: false, imageHash: undefined }, 1, false],
  ];
  it.each(cases)('%s → %s', (_name, target, count, expected) => {
    expect(applyInPlaceOffered(target, count)).toBe(expected);
  });
});
