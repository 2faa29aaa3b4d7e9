/**
 * A small brand system for the sample file, so the Brand toggle has something to read in tests and the playground:
 * two colour styles, two text styles, and colour variables in two collections: "Primitives" (hidden from publishing,
 * one mode) holds "Sun yellow", and "Theme" (modes Light and Dark) holds "Surface", a different colour per mode, and
 * "Highlight", an alias of "Sun yellow" in both modes. No layer is added: the brand frame is the designer's to mark.
 */
import type { FigmaDoubleApi } from './figma-double-api.js';

/** What the sample brand made. */
export interface SampleBrand {
  primary: PaintStyle;
  ink: PaintStyle;
  heading: TextStyle;
  body: TextStyle;
  primitives: VariableCollection;
  theme: VariableCollection;
  sunYellow: Variable;
  surface: Variable;
  highlight: Variable;
}

/** The brand guidance the sample brand reads as (core/brand-context.ts), for tests to compare with. */
export const SAMPLE_BRAND_GUIDANCE =
  'Brand colours: Primary #E63B2E, Ink #1A1A2E, Surface #FFFFFF (Dark #1E1E24), Highlight #FFB000. ' +
  'Brand typefaces: Inter (Bold, Regular). Keep to these colours and typefaces.';

/** Builds the sample brand's styles and variables in the file (they are not layers: the canvas is unchanged). */
export async function createSampleBrandAsync(figma: FigmaDoubleApi): Promise<SampleBrand> {
  const primary = paintStyle(figma, 'Brand/Primary', { r: 230 / 255, g: 59 / 255, b: 46 / 255 });
  const ink = paintStyle(figma, 'Brand/Ink', { r: 0x1a / 255, g: 0x1a / 255, b: 0x2e / 255 });
  await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  const heading = textStyle(figma, 'Heading/H1', { family: 'Inter', style: 'Bold' }, 56);
  const body = textStyle(figma, 'Body', { family: 'Inter', style: 'Regular' }, 20);

  const primitives = figma.variables.createVariableCollection('Primitives');
  primitives.hiddenFromPublishing = true;
  const sunYellow = figma.variables.createVariable('Sun yellow', primitives, 'COLOR');
  sunYellow.setValueForMode(primitives.defaultModeId, { r: 1, g: 176 / 255, b: 0, a: 1 });

  const theme = figma.variables.createVariableCollection('Theme');
  const light = theme.defaultModeId;
  theme.renameMode(light, 'Light');
  const dark = theme.addMode('Dark');
  const surface = figma.variables.createVariable('color/Surface', theme, 'COLOR');
  surface.setValueForMode(light, { r: 1, g: 1, b: 1, a: 1 });
  surface.setValueForMode(dark, { r: 0x1e / 255, g: 0x1e / 255, b: 0x24 / 255, a: 1 });
  const highlight = figma.variables.createVariable('color/Highlight', theme, 'COLOR');
  for (const mode of [light, dark]) highlight.setValueForMode(mode, { type: 'VARIABLE_ALIAS', id: sunYellow.id });
  return { primary, ink, heading, body, primitives, theme, sunYellow, surface, highlight };
}

function paintStyle(figma: FigmaDoubleApi, name: string, color: RGB): PaintStyle {
  const style = figma.createPaintStyle();
  style.name = name;
  style.paints = [{ type: 'SOLID', color }];
  return style;
}

function textStyle(figma: FigmaDoubleApi, name: string, fontName: FontName, fontSize: number): TextStyle {
  const style = figma.createTextStyle();
  style.name = name;
  style.fontName = fontName;
  style.fontSize = fontSize;
  return style;
}
