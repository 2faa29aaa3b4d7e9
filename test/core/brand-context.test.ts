import { describe, expect, it } from 'vitest';
import {
  brandContextOf,
  MAX_GUIDANCE_CHARS,
  MAX_GUIDANCE_COLOURS,
  MAX_GUIDANCE_FAMILIES,
} from '../../core/brand-context.js';
import { EMPTY_BRAND, type BrandColour, type BrandSnapshot } from '../../core/brand-snapshot.js';

const colour = (name: string, hex: string, more: Partial<BrandColour> = {}): BrandColour => ({
  source: 'style',
  name,
  hex,
  modes: [],
  hidden: false,
  ...more,
});
const brand = (more: Partial<BrandSnapshot>): BrandSnapshot => ({ ...EMPTY_BRAND, ...more });
const logo = { nodeId: '1:9', name: 'Logo' };

describe('brandContextOf', () => {
  it('is null for a file with no colours, type or logo', () => {
    expect(brandContextOf(EMPTY_BRAND)).toBeNull();
  });

  it.each<[string, BrandSnapshot, string]>([
    [
      'colours by name and hex',
      brand({ colours: [colour('Primary', '#E63B2E'), colour('Ink', '#1A1A2E')] }),
      'Brand colours: Primary #E63B2E, Ink #1A1A2E. Keep to these colours and typefaces.',
    ],
    [
      'a variable path reads as its last segment',
      brand({ colours: [colour('brand/Primary', '#E63B2E', { source: 'variable' })] }),
      'Brand colours: Primary #E63B2E. Keep to these colours and typefaces.',
    ],
    [
      'one name per hex: the style wins over the variable of the same value',
      brand({ colours: [colour('Primary', '#E63B2E'), colour('color/red-500', '#E63B2E', { source: 'variable' })] }),
      'Brand colours: Primary #E63B2E. Keep to these colours and typefaces.',
    ],
    [
      'the same short name twice keeps the second whole path',
      brand({ colours: [colour('Light/Background', '#FFFFFF'), colour('Dark/Background', '#1E1E24')] }),
      'Brand colours: Background #FFFFFF, Dark / Background #1E1E24. Keep to these colours and typefaces.',
    ],
    [
      'a variable with two modes names the other mode',
      brand({
        colours: [
          colour('Surface', '#FFFFFF', { source: 'variable', modes: [{ mode: 'Dark', hex: '#1E1E24' }] }),
          colour('Accent', '#E63B2E', { source: 'variable', modes: [{ mode: 'Dark', hex: '#E63B2E' }] }),
        ],
      }),
      'Brand colours: Surface #FFFFFF (Dark #1E1E24), Accent #E63B2E. Keep to these colours and typefaces.',
    ],
    [
      'hidden helper tokens come after the published ones',
      brand({ colours: [colour('_helper', '#00FF00', { hidden: true }), colour('Ink', '#1A1A2E')] }),
      'Brand colours: Ink #1A1A2E, _helper #00FF00. Keep to these colours and typefaces.',
    ],
    [
      'typefaces with their distinct weights, one entry per family',
      brand({
        fonts: [
          { name: 'Heading/H1', family: 'Inter', style: 'Bold' },
          { name: 'Body', family: 'Inter', style: 'Regular' },
          { name: 'Body strong', family: 'inter', style: 'Bold' },
          { name: 'Quote', family: 'Playfair Display', style: 'Italic' },
        ],
      }),
      'Brand typefaces: Inter (Bold, Regular), Playfair Display (Italic). Keep to these colours and typefaces.',
    ],
    [
      'a logo alone asks for the logo only',
      brand({ frame: { nodeId: '1:8', name: 'Brand', logo, onCurrentPage: true } }),
      'Where a logo appears, draw the brand logo shown in the product image exactly.',
    ],
  ])('%s', (_name, snapshot, expected) => {
    expect(brandContextOf(snapshot)?.guidance).toBe(expected);
  });

  it('sends no logo while the brand frame is on another page, and says nothing of one', () => {
    const context = brandContextOf(
      brand({
        colours: [colour('Ink', '#1A1A2E')],
        frame: { nodeId: '1:8', name: 'Brand', logo, onCurrentPage: false },
      }),
    );
    expect(context?.logo).toBeNull();
    expect(context?.guidance).toBe('Brand colours: Ink #1A1A2E. Keep to these colours and typefaces.');
  });

  it('names the logo layer to send', () => {
    expect(brandContextOf(brand({ frame: { nodeId: '1:8', name: 'Brand', logo, onCurrentPage: true } }))?.logo).toEqual(
      logo,
    );
  });

  it(`names at most ${MAX_GUIDANCE_COLOURS} colours and ${MAX_GUIDANCE_FAMILIES} families`, () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      colour(`Colour ${i}`, `#${(i * 4).toString(16).padStart(6, '0').toUpperCase()}`),
    );
    const fonts = Array.from({ length: 9 }, (_, i) => ({ name: `T${i}`, family: `Family ${i}`, style: 'Regular' }));
    const context = brandContextOf(brand({ colours: many, fonts }))!;
    expect(context.colours).toHaveLength(MAX_GUIDANCE_COLOURS);
    expect(context.families).toHaveLength(MAX_GUIDANCE_FAMILIES);
    expect(context.guidance.length).toBeLessThanOrEqual(MAX_GUIDANCE_CHARS);
  });

  it(`cuts long guidance at a separator, never inside a hex, within ${MAX_GUIDANCE_CHARS} characters`, () => {
    const long = Array.from({ length: 12 }, (_, i) =>
      colour(`A very long descriptive colour name number ${i}`, `#0000${(i + 16).toString(16).toUpperCase()}`),
    );
    const guidance = brandContextOf(brand({ colours: long }))!.guidance;
    expect(guidance.length).toBeLessThanOrEqual(MAX_GUIDANCE_CHARS);
    expect(guidance.endsWith('…')).toBe(true);
    expect(guidance).toMatch(/#[0-9A-F]{6}…$/);
  });
});
