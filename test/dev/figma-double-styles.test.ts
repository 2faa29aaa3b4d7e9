/** The Figma double's local styles and variables (dev/figma-double/styles/), as the typings define them. */
import { describe, expect, it } from 'vitest';
import { createFigmaDouble, createSampleBrandAsync } from '../../dev/figma-double/index.js';

describe('the Figma double: styles and variables', () => {
  it('throws for the sync variable lookups, as Figma does under dynamic-page', () => {
    const { figma } = createFigmaDouble();
    expect(() => figma.variables.getLocalVariables('COLOR')).toThrow(/dynamic-page/);
    expect(() => figma.variables.getVariableById('VariableID:1:1')).toThrow(/getVariableByIdAsync/);
  });

  it('lists local paint and text styles in the order they were made, and finds them by id', async () => {
    const { figma } = createFigmaDouble();
    const brand = await createSampleBrandAsync(figma);
    expect((await figma.getLocalPaintStylesAsync()).map((s) => s.name)).toEqual(['Brand/Primary', 'Brand/Ink']);
    expect((await figma.getLocalTextStylesAsync()).map((s) => s.name)).toEqual(['Heading/H1', 'Body']);
    expect(await figma.getStyleByIdAsync(brand.ink.id)).toBe(brand.ink);
    expect(await figma.getStyleByIdAsync('S:nope,')).toBeNull();
    expect(Object.isFrozen(brand.primary.paints[0])).toBe(true);
  });

  it('needs the font loaded to set a text style’s font, as on a text layer', () => {
    const { figma } = createFigmaDouble();
    const style = figma.createTextStyle();
    expect(() => (style.fontName = { family: 'Roboto', style: 'Bold' })).toThrow(/loadFontAsync/);
  });

  it('keeps a value per mode; a new mode starts with the default mode’s values; aliases stay unresolved', async () => {
    const { figma } = createFigmaDouble();
    const brand = await createSampleBrandAsync(figma);
    expect(brand.theme.modes.map((m) => m.name)).toEqual(['Light', 'Dark']);
    expect(Object.keys(brand.surface.valuesByMode)).toHaveLength(2);
    expect(brand.highlight.valuesByMode[brand.theme.defaultModeId]).toEqual({
      type: 'VARIABLE_ALIAS',
      id: brand.sunYellow.id,
    });
    const sepia = brand.theme.addMode('Sepia');
    expect(brand.surface.valuesByMode[sepia]).toEqual({ r: 1, g: 1, b: 1, a: 1 });
    expect(brand.theme.variableIds).toEqual([brand.surface.id, brand.highlight.id]);
    expect(await figma.variables.getVariableCollectionByIdAsync(brand.primitives.id)).toBe(brand.primitives);
  });

  it('refuses a value for a mode the collection does not have, and an alias of no variable', async () => {
    const { figma } = createFigmaDouble();
    const brand = await createSampleBrandAsync(figma);
    expect(() => brand.surface.setValueForMode('9:9', { r: 0, g: 0, b: 0 })).toThrow(/No mode/);
    expect(() => brand.surface.setValueForMode(brand.theme.defaultModeId, { type: 'VARIABLE_ALIAS', id: 'x' })).toThrow(
      /No variable/,
    );
    expect(await figma.variables.getLocalVariablesAsync('FLOAT')).toEqual([]);
    expect(await figma.variables.getLocalVariablesAsync('COLOR')).toHaveLength(3);
  });
});
