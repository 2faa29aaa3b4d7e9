import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../core/messages.js';
import { interpretSelection } from '../../core/selection-roles.js';
import { checkEditInputs, editInputsOf, keepTextApplies, textParagraphOf } from '../../core/edit-inputs.js';
import { publicModels } from '../ui/fixtures.js';

const flash = publicModels.models.find((m) => m.id === 'gemini-3.1-flash-image')!;
const legacy = publicModels.models.find((m) => m.id === 'gemini-2.5-flash-image')!;
const node = (id: string, type: string, extra: Partial<NodeSnapshot> = {}): NodeSnapshot => ({
  id,
  name: id,
  type,
  width: 100,
  height: 100,
  hasText: false,
  hasImageFill: false,
  hasTurn: false,
  box: { x: 0, y: 0, width: 100, height: 100 },
  ...extra,
});
const poster = node('Poster', 'FRAME', { width: 540, height: 675, hasText: true });

describe('editInputsOf', () => {
  it('adds the pinned subject after the selected references, once', () => {
    const roles = interpretSelection([poster, node('Logo', 'FRAME')]);
    expect(editInputsOf(roles, { nodeId: 'Model', name: 'Model' }, null).references).toEqual([
      { nodeId: 'Logo', name: 'Logo', role: 'product', pinned: false },
      { nodeId: 'Model', name: 'Model', role: 'subject', pinned: true },
    ]);
    expect(editInputsOf(roles, { nodeId: 'Logo', name: 'Logo' }, null).references).toEqual([
      { nodeId: 'Logo', name: 'Logo', role: 'product', pinned: true },
    ]);
    // A pinned subject that is the base itself is not sent twice.
    expect(editInputsOf(roles, { nodeId: 'Poster', name: 'Poster' }, null).references).toHaveLength(1);
  });
});

describe('keepTextApplies', () => {
  it.each([
    ['a frame with text, no choice yet', poster, null, true],
    ['turned off', poster, false, false],
    ['a frame without text', node('F', 'FRAME'), null, false],
    ['text in a component (cannot be copied with live text)', node('C', 'COMPONENT', { hasText: true }), true, false],
    ['nothing', null, true, false],
  ] as const)('%s', (_name, base, choice, expected) => {
    expect(keepTextApplies(base, choice)).toBe(expected);
  });
});

describe('a reference with no role', () => {
  it('is not sent, and the edit waits for its role, naming it', () => {
    const roles = interpretSelection([poster, node('Frame 12', 'FRAME'), node('Hero', 'FRAME'), node('Logo', 'FRAME')]);
    const inputs = editInputsOf(roles, null, null);
    expect(inputs.references.map((r) => [r.name, r.role])).toEqual([['Logo', 'product']]);
    expect(inputs.unassigned).toEqual(['Frame 12', 'Hero']);
    expect(checkEditInputs(flash, poster, inputs)).toEqual({
      code: 'bad_request',
      message:
        'Choose what “Frame 12”, “Hero” are for: style, subject or product. Each reference needs a role before Generate.',
    });
    const chosen = interpretSelection(roles.references.map((r) => r.layer).concat([poster]), {
      baseId: 'Poster',
      roles: new Map([
        ['Frame 12', 'style'],
        ['Hero', 'subject'],
      ]),
    });
    expect(checkEditInputs(flash, poster, editInputsOf(chosen, null, null))).toBeNull();
  });
});

describe('checkEditInputs', () => {
  const inputs = (extra: Partial<ReturnType<typeof editInputsOf>>) => ({
    region: null,
    extraShapes: [],
    references: [],
    keepText: false,
    ...extra,
  });

  it('passes a plain edit', () => {
    expect(checkEditInputs(flash, poster, inputs({}))).toBeNull();
  });

  it('refuses a line as the region', () => {
    expect(checkEditInputs(flash, poster, inputs({ region: node('Line', 'LINE') }))?.message).toBe(
      'A line has no area. Draw a closed shape over the part to change.',
    );
  });

  it('counts the frame and every reference against the model’s limit, and says how to fix it', () => {
    const refs = ['A', 'B', 'C'].map((id, i) => ({ nodeId: id, name: id, role: 'style' as const, pinned: i === 2 }));
    expect(checkEditInputs(legacy, poster, inputs({ references: refs.slice(0, 2) }))).toBeNull();
    expect(checkEditInputs(legacy, poster, inputs({ references: refs }))).toEqual({
      code: 'too_many_images',
      message:
        'Nano Banana (2.5 Flash Image) takes at most 3 images; this edit has 4 (the frame and 3 references). ' +
        'Remove 1 reference (or unpin the subject), or pick a model that takes more.',
    });
  });
});

describe('textParagraphOf', () => {
  it('reads the base’s text layers, or nothing', () => {
    const withText = {
      ...poster,
      texts: [{ name: 'Headline', characters: 'Summer Sale', fontSize: 56, x: 40, y: 440, width: 370, height: 67 }],
    };
    expect(textParagraphOf(withText, true)).toMatch(
      /^This is a layout with live text set on top of the image: the headline "Summer Sale" \(bottom\)/,
    );
    expect(textParagraphOf(poster, true)).toBe('');
    expect(textParagraphOf(null, true)).toBe('');
  });
});
