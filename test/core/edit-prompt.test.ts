import { describe, expect, it } from 'vitest';
import { composeEditPrompt, editPromptOverhead } from '../../core/edit-prompt.js';

describe('composeEditPrompt', () => {
  it('is the instruction alone for one image and no text', () => {
    expect(composeEditPrompt({ images: ['base'], instruction: ' warmer light ', text: '' })).toBe('warmer light');
  });

  it('puts the images’ roles first, the instruction, then the text, a blank line apart', () => {
    const prompt = composeEditPrompt({ images: ['style', 'base'], instruction: 'warmer light', text: 'Text here.' });
    expect(prompt.split('\n\n')).toEqual([
      'Use the first image only for its style (colours, texture, lighting); do not copy its content. Edit the second image; the others are references.',
      'warmer light',
      'Text here.',
    ]);
  });

  it('knows how much the parts around the instruction add', () => {
    const images = ['product', 'base'] as const;
    const overhead = editPromptOverhead(images, 'Text.');
    expect(composeEditPrompt({ images, instruction: 'abc', text: 'Text.' }).length).toBe(overhead + 3);
    expect(editPromptOverhead(['base'], '')).toBe(0);
  });
});
