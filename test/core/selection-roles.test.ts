import { describe, expect, it } from 'vitest';
import { interpretSelection, isShapeLayer, withRegionHost, type SelectedLayer } from '../../core/selection-roles.js';

const at = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const layer = (
  id: string,
  type: string,
  box = at(0, 0, 100, 100),
  extra: Partial<SelectedLayer> = {},
): SelectedLayer => ({
  id,
  type,
  width: box.width,
  height: box.height,
  box,
  hasImageFill: false,
  ...extra,
});

const poster = layer('poster', 'FRAME', at(0, 0, 540, 675));
const product = layer('product', 'FRAME', at(640, 0, 600, 600));
const photo = layer('photo', 'RECTANGLE', at(0, 800, 400, 300), { hasImageFill: true });
const ellipse = layer('ellipse', 'ELLIPSE', at(100, 100, 80, 80));
const farShape = layer('far', 'RECTANGLE', at(2000, 2000, 50, 50));
const line = layer('line', 'LINE', at(10, 10, 100, 0.01));
const result = (id: string) => layer(id, 'FRAME', at(0, 0, 540, 675), { hasTurn: true });

describe('interpretSelection', () => {
  it.each<[string, SelectedLayer[], string | null, string | null, string | null, string[]]>([
    // name, selection, chosen base, → base, region, references
    ['nothing', [], null, null, null, []],
    ['one frame', [poster], null, 'poster', null, []],
    ['a lone shape is the base', [ellipse], null, 'ellipse', null, []],
    ['the largest frame is the base', [product, poster], null, 'poster', null, ['product']],
    ['a frame and a shape over it: a region', [ellipse, poster], null, 'poster', 'ellipse', []],
    ['a shape away from the frame is a reference', [poster, farShape], null, 'poster', null, ['far']],
    ['an image layer is the base when there is no frame', [ellipse, photo], null, 'photo', null, ['ellipse']],
    ['a line over the frame marks a region (refused later)', [poster, line], null, 'poster', 'line', []],
    ['the person’s choice wins', [poster, product], 'product', 'product', null, ['poster']],
    ['a choice not in the selection is ignored', [poster, product], 'gone', 'poster', null, ['product']],
    ['several results alone have no base', [result('r1'), result('r2')], null, null, null, []],
    ['…until the person picks one', [result('r1'), result('r2')], 'r2', 'r2', null, ['r1']],
    ['one result is the base', [result('r1')], null, 'r1', null, []],
  ])('%s', (_name, layers, baseId, base, region, references) => {
    const roles = interpretSelection(layers, { baseId });
    expect(roles.base?.id ?? null).toBe(base);
    expect(roles.region?.id ?? null).toBe(region);
    expect(roles.references.map((r) => r.layer.id)).toEqual(references);
  });

  it('says why the base was chosen', () => {
    expect(interpretSelection([poster]).baseReason).toBe('chosen');
    expect(interpretSelection([product, poster]).baseReason).toBe('largest-frame');
    expect(interpretSelection([ellipse, photo]).baseReason).toBe('first');
    expect(interpretSelection([poster, ellipse]).baseReason).toBe('only-frame');
    expect(interpretSelection([poster, product], { baseId: 'product' }).baseReason).toBe('chosen');
  });

  it('gives references their roles: the person’s, else the one the name says, else none', () => {
    const logo = layer('logo', 'RECTANGLE', at(0, 2000, 100, 100), { hasImageFill: true, name: 'Brand logo' });
    const roles = interpretSelection([poster, product, photo, logo], { roles: new Map([['photo', 'subject']]) });
    expect(roles.references.map((r) => [r.layer.id, r.role])).toEqual([
      ['product', null],
      ['photo', 'subject'],
      ['logo', 'product'],
    ]);
  });

  it('keeps further shapes over the frame apart (a regional edit takes one)', () => {
    const second = layer('second', 'STAR', at(300, 300, 50, 50));
    const roles = interpretSelection([poster, ellipse, second]);
    expect(roles.region?.id).toBe('ellipse');
    expect(roles.extraShapes.map((s) => s.id)).toEqual(['second']);
  });
});

describe('a shape selected alone over a layer (withRegionHost)', () => {
  const overPhoto = layer('over', 'ELLIPSE', at(100, 850, 80, 80));
  it.each<[string, SelectedLayer[], SelectedLayer | null, string | null, string | null, string | null]>([
    // name, selection, host the sandbox found, chosen base, → base, region
    ['no host: the shape alone is the base', [overPhoto], null, null, 'over', null],
    ['the photo under it is the base, the shape its region', [overPhoto], photo, null, 'photo', 'over'],
    ['the frame under it is the base', [ellipse], poster, null, 'poster', 'ellipse'],
  ])('%s', (_name, selection, host, baseId, base, region) => {
    const roles = interpretSelection(withRegionHost(selection, host), { baseId, regionHostId: host?.id ?? null });
    expect(roles.base?.id ?? null).toBe(base);
    expect(roles.region?.id ?? null).toBe(region);
    expect(roles.references).toEqual([]);
    if (host && !baseId) expect(roles.baseReason).toBe('under-shape');
  });

  it('adds the host once, before the selection', () => {
    expect(withRegionHost([ellipse], poster).map((l) => l.id)).toEqual(['poster', 'ellipse']);
    expect(withRegionHost([poster, ellipse], poster).map((l) => l.id)).toEqual(['poster', 'ellipse']);
    expect(withRegionHost([ellipse], null).map((l) => l.id)).toEqual(['ellipse']);
  });
});

describe('isShapeLayer', () => {
  it.each([
    ['RECTANGLE', false, true],
    ['VECTOR', false, true],
    ['BOOLEAN_OPERATION', false, true],
    ['RECTANGLE', true, false],
    ['FRAME', false, false],
    ['TEXT', false, false],
  ])('%s with an image fill %s → %s', (type, hasImageFill, expected) => {
    expect(isShapeLayer({ type, hasImageFill })).toBe(expected);
  });
});
