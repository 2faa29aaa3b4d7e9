import { describe, expect, it } from 'vitest';
import { describeRegionPlace, regionInstruction } from '../../core/region-instruction.js';

const crop = { x: 100, y: 100, width: 1000, height: 500 };

describe('describeRegionPlace', () => {
  it.each([
    [
      { x: 400, y: 250, width: 400, height: 200 },
      'in the centre of the image, about 40% of its width and 40% of its height',
    ],
    [
      { x: 100, y: 100, width: 200, height: 100 },
      'in the top-left part of the image, about 20% of its width and 20% of its height',
    ],
    [
      { x: 900, y: 500, width: 200, height: 100 },
      'in the bottom-right part of the image, about 20% of its width and 20% of its height',
    ],
    [
      { x: 500, y: 100, width: 200, height: 50 },
      'in the top part of the image, about 20% of its width and 10% of its height',
    ],
    [
      { x: 100, y: 300, width: 100, height: 100 },
      'in the left part of the image, about 10% of its width and 20% of its height',
    ],
    [{ x: 600, y: 350, width: 1, height: 1 }, 'in the centre of the image, about 5% of its width and 5% of its height'],
    [{ x: 110, y: 105, width: 980, height: 490 }, 'that fills most of the image'],
  ])('%j → %s', (region, expected) => {
    expect(describeRegionPlace(crop, region)).toBe(expected);
  });
});

describe('regionInstruction', () => {
  const region = { x: 400, y: 250, width: 400, height: 200 };

  it("follows Google's semantic-masking wording", () => {
    expect(regionInstruction({ prompt: 'make it a red armchair.', crop, region, hasScene: false })).toBe(
      'Using the provided image, change only the area in the centre of the image, about 40% of its width and 40% of ' +
        'its height: make it a red armchair. Keep everything else in the image exactly the same, preserving the ' +
        'original style, lighting, and composition.',
    );
  });

  it('names the subject when it is known', () => {
    expect(
      regionInstruction({ prompt: 'Turn it green', crop, region, subject: ' the sofa ', hasScene: false }),
    ).toMatch(
      /^Using the provided image, change only the sofa \(in the centre of the image, about 40% .*\): Turn it green\. Keep/,
    );
  });

  it('says the second image is context only when a scene reference is sent', () => {
    const text = regionInstruction({ prompt: 'add snow', crop, region, hasScene: true });
    expect(text.endsWith('The second image shows the whole frame for context only; do not draw it.')).toBe(true);
    expect(regionInstruction({ prompt: 'add snow', crop, region, hasScene: false })).not.toContain('second image');
  });

  it('rejects an empty prompt', () => {
    expect(() => regionInstruction({ prompt: '  . ', crop, region, hasScene: false })).toThrow(RangeError);
  });
});

describe('regionInstruction with several images', () => {
  it('names the image to edit by its place when told to', () => {
    const text = regionInstruction({
      prompt: 'add snow',
      crop,
      region: { x: 400, y: 250, width: 400, height: 200 },
      hasScene: false,
      imageName: 'the third image',
    });
    expect(text).toMatch(/^Using the third image, change only the area in the centre/);
  });
});
