import { describe, expect, it } from 'vitest';
import { textContextInstruction } from '../../core/text-context-instruction.js';
import {
  classifyTextLayers,
  MAX_TEXT_CONTEXT_ITEMS,
  placeInFrame,
  type TextLayerInfo,
} from '../../core/text-context.js';

const frame = { width: 540, height: 675 };
const layer = (name: string, characters: string, fontSize: number | null, x: number, y: number, w = 200, h = 30) =>
  ({ name, characters, fontSize, x, y, width: w, height: h }) satisfies TextLayerInfo;

describe('placeInFrame', () => {
  it.each([
    [{ x: 0, y: 0, width: 100, height: 50 }, 'top-left'],
    [{ x: 220, y: 0, width: 100, height: 50 }, 'top'],
    [{ x: 440, y: 10, width: 100, height: 50 }, 'top-right'],
    [{ x: 0, y: 300, width: 100, height: 50 }, 'middle-left'],
    [{ x: 170, y: 300, width: 200, height: 50 }, 'centre'],
    [{ x: 440, y: 300, width: 100, height: 50 }, 'middle-right'],
    [{ x: 20, y: 600, width: 100, height: 50 }, 'bottom-left'],
    [{ x: 170, y: 600, width: 200, height: 50 }, 'bottom'],
    [{ x: 420, y: 600, width: 100, height: 50 }, 'bottom-right'],
  ])('%j → %s', (box, expected) => {
    expect(placeInFrame(box, frame)).toBe(expected);
  });
});

describe('classifyTextLayers', () => {
  it('reads a poster: the largest line is the headline, a short label the call to action, the rest body', () => {
    const items = classifyTextLayers(
      [
        layer('CTA', 'Shop now', 22, 40, 595, 180, 52),
        layer('Headline', 'Summer Sale', 56, 40, 440, 370, 67),
        layer('Body', 'Fresh styles for long sunny days.\nUp to 40% off this week only.', 20, 40, 520, 460, 48),
      ],
      frame,
    );
    expect(items).toEqual([
      { role: 'headline', text: 'Summer Sale', place: 'bottom' },
      { role: 'body', text: 'Fresh styles for long sunny days. Up to 40% off this week only.', place: 'bottom' },
      { role: 'cta', text: 'Shop now', place: 'bottom-left' },
    ]);
  });

  it.each<[string, TextLayerInfo[], string[]]>([
    [
      'a layer named like a button is the call to action',
      [layer('Big', 'Hello world', 40, 0, 0), layer('Button label', 'Continue to the full offer', 12, 0, 600)],
      ['headline', 'cta'],
    ],
    [
      'a layer named like a title is the headline',
      [layer('Title', 'Small title', 12, 0, 0), layer('Intro', 'Much larger words here', 30, 0, 300)],
      ['headline', 'body'],
    ],
    [
      'a paragraph is never a headline',
      [layer('Text', Array.from({ length: 20 }, () => 'word').join(' '), 24, 0, 0)],
      ['body'],
    ],
    [
      'mixed sizes use the height per line',
      [layer('A', 'One\nTwo', null, 0, 0, 200, 96), layer('B', 'Three', 12, 0, 300)],
      ['headline', 'cta'],
    ],
    ['empty layers are left out', [layer('A', '   ', 40, 0, 0), layer('B', 'Hi', 12, 0, 300)], ['headline']],
  ])('%s', (_name, layers, roles) => {
    expect(classifyTextLayers(layers, frame).map((i) => i.role)).toEqual(roles);
  });

  it(`keeps the ${MAX_TEXT_CONTEXT_ITEMS} largest layers, in reading order, each cut to a line`, () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      layer(`T${i}`, `Text ${i} ${'x'.repeat(300)}`, 10 + i, 0, i * 50),
    );
    const items = classifyTextLayers(many, frame);
    expect(items).toHaveLength(MAX_TEXT_CONTEXT_ITEMS);
    expect(items[0]!.text.startsWith('Text 4 ')).toBe(true);
    expect(items.every((i) => i.text.length <= 160)).toBe(true);
  });

  it('is empty for no text', () => {
    expect(classifyTextLayers([], frame)).toEqual([]);
  });
});

describe('textContextInstruction', () => {
  const items = classifyTextLayers(
    [layer('Headline', 'Summer Sale', 56, 40, 440), layer('CTA', 'Shop now', 22, 40, 595)],
    frame,
  );

  it('with the text live on top: leave room, match the tone, draw no text', () => {
    expect(textContextInstruction(items, true)).toBe(
      'This is a layout with live text set on top of the image: the headline "Summer Sale" (bottom-left) and the ' +
        'call to action "Shop now" (bottom-left). Keep the areas behind the text calm and uncluttered so it stays ' +
        "readable, and match the image's mood to the text's tone. Do not draw any text, letters or logos into the " +
        'image: the text is set separately.',
    );
  });

  it('with the text in the pixels: keep it exactly as written', () => {
    expect(textContextInstruction(items, false)).toMatch(
      /^The image is a layout with this text: the headline "Summer Sale" \(bottom-left\) and the call to action "Shop now" \(bottom-left\)\. Keep the text exactly as written/,
    );
  });

  it('says nothing without text', () => {
    expect(textContextInstruction([], true)).toBe('');
  });
});
