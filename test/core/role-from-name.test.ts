import { describe, expect, it } from 'vitest';
import { roleFromName } from '../../core/role-from-name.js';

describe('roleFromName', () => {
  it.each([
    ['Logo', 'product'],
    ['Brand logo v2', 'product'],
    ['Product shot', 'product'],
    ['bottle_packshot', 'product'],
    ['Packaging front', 'product'],
    ['Model', 'subject'],
    ['Model portrait', 'subject'],
    ['person-3', 'subject'],
    ['Character sheet', 'subject'],
    ['Style', 'style'],
    ['Mood 1', 'style'],
    ['moodboard', 'style'],
    ['Colour palette', 'style'],
    // The name does not say: the panel asks.
    ['Frame 12', null],
    ['Rectangle 4', null],
    ['Poster', null],
    ['Hero', null],
    // Whole words only.
    ['Remodel', null],
    ['Stylesheet', null],
    ['Catalogue', null],
    // The first rule that matches wins: a product held by a model is the product.
    ['Model with product', 'product'],
  ])('%s → %s', (name, role) => {
    expect(roleFromName(name)).toBe(role);
  });
});
