import { describe, expect, it } from 'vitest';
import { STYLE_PRESETS } from '../../core/style-presets.js';

describe('STYLE_PRESETS', () => {
  it('offers the styles designers ask for, each once', () => {
    expect(STYLE_PRESETS.map((p) => p.label)).toEqual(
      expect.arrayContaining(['Watercolour', 'Flat vector', '35 mm film', 'Clay 3D', 'Line art']),
    );
    expect(new Set(STYLE_PRESETS.map((p) => p.id)).size).toBe(STYLE_PRESETS.length);
  });

  it.each(STYLE_PRESETS.map((p) => [p.id, p] as const))('%s follows Google’s style-transfer template', (_id, p) => {
    expect(p.id).toMatch(/^[a-z0-9-]+$/);
    expect(p.label.length).toBeLessThanOrEqual(14);
    expect(p.prompt.startsWith(`${p.label} style: transform the provided image into `)).toBe(true);
    expect(p.prompt).toMatch(/\. Preserve the original composition but render it with .+\.$/);
    expect(p.prompt.length).toBeLessThan(300);
  });
});
