import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SCALE, exportScaleOf, type ExportSettingLike } from '../../core/export-scale.js';

describe('exportScaleOf', () => {
  it.each<[string, ExportSettingLike[], number]>([
    ['no export settings: the 2× default', [], 2],
    ['a PNG at 3×', [{ format: 'PNG', constraint: { type: 'SCALE', value: 3 } }], 3],
    ['a JPG at 0.5×', [{ format: 'JPG', constraint: { type: 'SCALE', value: 0.5 } }], 0.5],
    ['a PNG 2160 px wide (a 1080-wide frame)', [{ format: 'PNG', constraint: { type: 'WIDTH', value: 2160 } }], 2],
    ['a PNG 675 px high (a 1350-high frame)', [{ format: 'PNG', constraint: { type: 'HEIGHT', value: 675 } }], 0.5],
    ['a PNG without a constraint: Figma exports it at 1×', [{ format: 'PNG' }], 1],
    [
      'the first PNG or JPG wins, SVG and PDF are skipped',
      [
        { format: 'SVG' },
        { format: 'PDF' },
        { format: 'JPG', constraint: { type: 'SCALE', value: 1.5 } },
        { format: 'PNG', constraint: { type: 'SCALE', value: 4 } },
      ],
      1.5,
    ],
    ['only vector formats: the default', [{ format: 'SVG' }, { format: 'PDF' }], 2],
    ['a zero scale is not usable: the default', [{ format: 'PNG', constraint: { type: 'SCALE', value: 0 } }], 2],
    ['an unknown constraint: the default', [{ format: 'PNG', constraint: { type: 'DPI', value: 300 } }], 2],
  ])('%s', (_name, settings, expected) => {
    expect(exportScaleOf(settings, 1080, 1350)).toBe(expected);
  });

  it('is 2×, retina, by default', () => {
    expect(DEFAULT_EXPORT_SCALE).toBe(2);
  });

  it("accepts Figma's own export settings as they are", () => {
    const figmaSettings: readonly ExportSettings[] = [
      { format: 'SVG' },
      { format: 'PNG', constraint: { type: 'WIDTH', value: 3240 } },
    ];
    expect(exportScaleOf(figmaSettings, 1080, 1350)).toBe(3);
  });
});
