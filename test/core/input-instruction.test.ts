import { describe, expect, it } from 'vitest';
import type { ImageRole } from '../../core/image-sizes.js';
import { baseImageName, inputImagesInstruction, ordinal, roleSentence } from '../../core/input-instruction.js';

describe('ordinal', () => {
  it.each([
    [0, 'first'],
    [1, 'second'],
    [2, 'third'],
    [13, 'fourteenth'],
    [14, '15th'],
  ])('%i → %s', (index, expected) => {
    expect(ordinal(index)).toBe(expected);
  });
});

describe('roleSentence', () => {
  it.each<[ImageRole, number, string]>([
    ['style', 1, 'Use the second image only for its style (colours, texture, lighting); do not copy its content.'],
    [
      'subject',
      0,
      'The first image shows the subject: keep its identity, shape and features exactly the same wherever it appears.',
    ],
    [
      'product',
      2,
      'The third image shows the product: reproduce it faithfully, with its exact shape, colours, materials, label and logo unchanged.',
    ],
    ['scene', 0, 'The first image shows the whole frame for context only; do not draw it.'],
    ['base', 3, 'Edit the fourth image; the others are references.'],
  ])('%s at %i', (role, index, expected) => {
    expect(roleSentence(role, index)).toBe(expected);
  });
});

describe('inputImagesInstruction', () => {
  it('says nothing when the base goes alone', () => {
    expect(inputImagesInstruction(['base'])).toBe('');
    expect(inputImagesInstruction([])).toBe('');
  });

  it('names every image by its place in send order', () => {
    expect(inputImagesInstruction(['subject', 'style', 'base'])).toBe(
      'The first image shows the subject: keep its identity, shape and features exactly the same wherever it appears. ' +
        'Use the second image only for its style (colours, texture, lighting); do not copy its content. ' +
        'Edit the third image; the others are references.',
    );
  });
});

describe('baseImageName', () => {
  it.each<[ImageRole[], string]>([
    [['base'], 'the provided image'],
    [['scene', 'base'], 'the second image'],
    [['style', 'product', 'scene', 'base'], 'the fourth image'],
  ])('%j → %s', (roles, expected) => {
    expect(baseImageName(roles)).toBe(expected);
  });
});
