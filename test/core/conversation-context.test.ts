import { describe, expect, it } from 'vitest';
import { carriedReferences } from '../../core/carried-references.js';
import {
  buildTurnContext,
  contextPrompt,
  MAX_SUMMARISED_PROMPTS,
  type ContextImage,
} from '../../core/conversation-context.js';
import type { ImageRole } from '../../core/image-sizes.js';
import type { TurnInput } from '../../core/turn-record.js';

interface Img extends ContextImage {
  name: string;
}
const img = (name: string, role: ImageRole = 'style'): Img => ({ name, role });
const base = img('base', 'base');

describe('contextPrompt', () => {
  const cases: [string, string, string[], string][] = [
    ['a first edit: the instruction alone', 'warmer light', [], 'warmer light'],
    ['the instruction is trimmed', '  warmer light \n', [], 'warmer light'],
    [
      'after two edits: they are summarised, oldest first',
      'remove the logo',
      ['warmer light', 'navy jacket'],
      'Earlier edits to this image, oldest first (already applied, keep them): 1. warmer light; 2. navy jacket.\nNow: remove the logo',
    ],
    [
      'earlier prompts are put on one line',
      'b',
      ['make it\n\n  warmer'],
      'Earlier edits to this image, oldest first (already applied, keep them): 1. make it warmer.\nNow: b',
    ],
  ];
  it.each(cases)('%s', (_name, instruction, earlier, expected) => {
    expect(contextPrompt(instruction, earlier).prompt).toBe(expected);
  });

  it(`quotes the newest ${MAX_SUMMARISED_PROMPTS} and counts the rest`, () => {
    const earlier = Array.from({ length: 11 }, (_, i) => `edit ${i + 1}`);
    const { prompt, summarised, omitted } = contextPrompt('now this', earlier);
    expect([summarised, omitted]).toEqual([8, 3]);
    expect(prompt).toMatch(/^Earlier edits to this image, oldest first \(3 earlier not listed\)/);
    expect(prompt).toContain('4. edit 4; 5. edit 5');
    expect(prompt).not.toContain('edit 3;');
    expect(prompt).toMatch(/11\. edit 11\.\nNow: now this$/);
  });

  it('cuts a long earlier prompt to an excerpt', () => {
    const { prompt } = contextPrompt('now', ['word '.repeat(200)]);
    expect(prompt.length).toBeLessThan(300);
    expect(prompt).toContain('…');
  });

  it('drops the oldest quotes to stay within the limit, and never cuts the instruction', () => {
    const instruction = 'x'.repeat(150);
    const earlier = ['y'.repeat(150), 'second edit'];
    expect(contextPrompt(instruction, earlier, 1000).summarised).toBe(2);
    const fits = contextPrompt(instruction, earlier, 300);
    expect(fits.prompt.length).toBeLessThanOrEqual(300);
    expect([fits.summarised, fits.omitted]).toEqual([1, 1]);
    expect(fits.prompt).toContain('(1 earlier not listed)');
    expect(fits.prompt).toContain('2. second edit');
    expect(fits.prompt.endsWith(instruction)).toBe(true);
    expect(contextPrompt(instruction, earlier, 200)).toEqual({ prompt: instruction, summarised: 0, omitted: 2 });
  });
});

describe('buildTurnContext', () => {
  const cases: [string, Img | null, Img[], number, string[], string[]][] = [
    ['text-to-image: no images', null, [], 14, [], []],
    ['an edit: the base alone', base, [], 14, ['base'], []],
    ['references first, the base last', base, [img('r1'), img('r2')], 14, ['r1', 'r2', 'base'], []],
    [
      'over the limit the oldest reference drops first',
      base,
      [img('r1'), img('r2'), img('r3')],
      3,
      ['r2', 'r3', 'base'],
      ['r1'],
    ],
    ['a limit of one keeps only the base', base, [img('r1'), img('r2')], 1, ['base'], ['r1', 'r2']],
    ['a model that takes no images gets none', base, [img('r1')], 0, [], ['r1', 'base']],
    [
      'text-to-image with references keeps the newest',
      null,
      [img('r1'), img('r2'), img('r3')],
      2,
      ['r2', 'r3'],
      ['r1'],
    ],
  ];
  it.each(cases)('%s', (_name, baseImage, references, maxInputImages, sent, dropped) => {
    const context = buildTurnContext({ instruction: 'now', earlier: [], base: baseImage, references, maxInputImages });
    expect(context.images.map((i) => i.name)).toEqual(sent);
    expect(context.dropped.map((i) => i.name)).toEqual(dropped);
  });

  it('summarises the chain only when there is a base image it applies to', () => {
    const withBase = buildTurnContext({
      instruction: 'c',
      earlier: ['a', 'b'],
      base,
      references: [],
      maxInputImages: 3,
    });
    expect(withBase.prompt).toBe(
      'Earlier edits to this image, oldest first (already applied, keep them): 1. a; 2. b.\nNow: c',
    );
    expect(withBase.summarised).toBe(2);
    const without = buildTurnContext({
      instruction: 'c',
      earlier: ['a'],
      base: null,
      references: [],
      maxInputImages: 3,
    });
    expect(without.prompt).toBe('c');
  });
});

describe('carriedReferences', () => {
  const turn = (...inputs: TurnInput[]) => ({ inputs });
  const cases: [string, { inputs: TurnInput[] }[], string[], string[]][] = [
    ['no references in the chain', [turn({ nodeId: '1:1', role: 'base' })], [], []],
    [
      'references of every turn, oldest use first',
      [
        turn({ nodeId: '1:1', role: 'base' }, { nodeId: '2:1', role: 'product' }),
        turn({ nodeId: '2:2', role: 'style' }),
      ],
      [],
      ['2:1 product', '2:2 style'],
    ],
    [
      'a layer used twice counts from its latest use and role',
      [
        turn({ nodeId: '2:1', role: 'product' }),
        turn({ nodeId: '2:2', role: 'style' }),
        turn({ nodeId: '2:1', role: 'subject' }),
      ],
      [],
      ['2:2 style', '2:1 subject'],
    ],
    [
      'excluded layers are left out',
      [turn({ nodeId: '2:1', role: 'product' }), turn({ nodeId: '2:2', role: 'scene' })],
      ['2:1'],
      ['2:2 scene'],
    ],
  ];
  it.each(cases)('%s', (_name, chain, exclude, expected) => {
    expect(carriedReferences(chain, new Set(exclude)).map((r) => `${r.nodeId} ${r.role}`)).toEqual(expected);
  });
});
