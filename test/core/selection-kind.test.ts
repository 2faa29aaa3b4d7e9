import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../core/messages.js';
import { selectionKindOf, type SelectionKind } from '../../core/selection-kind.js';
import { interpretSelection } from '../../core/selection-roles.js';

const at = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const node = (id: string, type: string, extra: Partial<NodeSnapshot> = {}): NodeSnapshot => ({
  id,
  name: id,
  type,
  width: 100,
  height: 100,
  hasText: type === 'TEXT',
  hasImageFill: false,
  hasTurn: false,
  box: at(0, 0, 100, 100),
  ...extra,
});

const poster = node('Poster', 'FRAME', { width: 540, height: 675, box: at(0, 0, 540, 675) });
const photo = node('Photo', 'RECTANGLE', { hasImageFill: true, box: at(0, 800, 400, 300) });
const headline = node('Headline', 'TEXT', { frame: { id: 'Poster', name: 'Poster' }, box: at(40, 440, 300, 60) });
const loneText = node('Note', 'TEXT', { box: at(2000, 0, 100, 20) });
const button = node('Button', 'RECTANGLE', { box: at(40, 590, 180, 52) });
const star = node('Star', 'STAR', { box: at(3000, 0, 50, 50) });
const result = (id: string) => node(id, 'FRAME', { hasTurn: true, box: at(600, 0, 540, 675) });
const set = node('Buttons', 'COMPONENT_SET', {
  variantCount: 3,
  variants: [
    { id: 'v1', name: 'State=Default' },
    { id: 'v2', name: 'State=Hover' },
    { id: 'v3', name: 'State=Pressed' },
  ],
});

describe('selectionKindOf', () => {
  it.each<[string, NodeSnapshot[], number, SelectionKind]>([
    // name, layers the sandbox sent, how many are selected, → kind
    ['nothing selected: a new image', [], 0, { kind: 'none' }],
    ['a frame: an edit', [poster], 1, { kind: 'edit' }],
    ['an image layer: an edit', [photo], 1, { kind: 'edit' }],
    ['a lone shape: an edit of it as a picture', [star], 1, { kind: 'edit' }],
    ['a frame with references: an edit', [poster, photo], 2, { kind: 'edit' }],
    ['a frame and its text layer: an edit with it as a reference', [poster, headline], 2, { kind: 'edit' }],
    ['several results: their own kind', [result('r1'), result('r2'), result('r3')], 3, { kind: 'results', count: 3 }],
    ['one result: an edit that continues it', [result('r1')], 1, { kind: 'edit' }],
    [
      'a component set: its variants',
      [set],
      1,
      { kind: 'component-set', name: 'Buttons', variantCount: 3, variants: set.variants! },
    ],
    [
      'a lone text layer in a frame: its frame',
      [headline],
      1,
      { kind: 'text', name: 'Headline', frame: { id: 'Poster', name: 'Poster' } },
    ],
    ['a lone text layer in no frame', [loneText], 1, { kind: 'text', name: 'Note', frame: null }],
    ['several plain layers: select one', [headline, button], 2, { kind: 'layers', count: 2 }],
    ['more layers than the snapshots sent', [poster, photo], 150, { kind: 'layers', count: 150 }],
  ])('%s', (_name, layers, count, expected) => {
    expect(selectionKindOf(layers, count, interpretSelection(layers))).toEqual(expected);
  });
});
