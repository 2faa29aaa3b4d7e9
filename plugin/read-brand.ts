/**
 * Reads the file's brand (core/brand-snapshot.ts): its local colour styles and colour variables with their values,
 * its text styles' fonts, and the brand frame the designer marked, with its logo and palette sample. Only the async
 * calls `documentAccess: "dynamic-page"` allows (docs/figma-platform.md#brand-styles-and-variables). A variable's
 * value is read per mode of its collection, and an alias is followed to the variable it names (in that variable's
 * own collection's default mode when it lives in another collection).
 */
import { BRAND_FRAME_KEY, MAX_BRAND_ITEMS, type BrandColour, type BrandSnapshot } from '../core/brand-snapshot.js';
import { readBrandFrameAsync } from './read-brand-frame.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** What reading the brand needs of `figma`. */
export type BrandFigma = Pick<
  SandboxFigma,
  'root' | 'getLocalPaintStylesAsync' | 'getLocalTextStylesAsync' | 'variables' | 'getNodeByIdAsync' | 'currentPage'
>;

/** The brand as the file holds it now. */
export async function readBrandAsync(figma: BrandFigma): Promise<BrandSnapshot> {
  const [styles, variables, textStyles] = await Promise.all([
    figma.getLocalPaintStylesAsync(),
    readVariableColoursAsync(figma),
    figma.getLocalTextStylesAsync(),
  ]);
  const frame = await readBrandFrameAsync(figma, figma.root.getPluginData(BRAND_FRAME_KEY));
  const colours = [...styles.flatMap(styleColour), ...variables, ...frame.palette].slice(0, MAX_BRAND_ITEMS);
  const fonts = textStyles
    .filter((style) => !style.remote)
    .map((style) => ({ name: style.name, family: style.fontName.family, style: style.fontName.style }))
    .slice(0, MAX_BRAND_ITEMS);
  return { colours, fonts, frame: frame.frame, frameMissing: frame.missing };
}

/** A paint style's colour: its first visible solid paint (gradients and images have no one hex). */
function styleColour(style: PaintStyle): BrandColour[] {
  if (style.remote) return [];
  const solid = style.paints.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false);
  return solid ? [{ source: 'style', name: style.name, hex: hexOf(solid.color), modes: [], hidden: false }] : [];
}

/** Every local colour variable, its value in the default mode and in the collection's other modes. */
async function readVariableColoursAsync(figma: BrandFigma): Promise<BrandColour[]> {
  const [variables, collections] = await Promise.all([
    figma.variables.getLocalVariablesAsync('COLOR'),
    figma.variables.getLocalVariableCollectionsAsync(),
  ]);
  const byId = new Map(collections.map((c) => [c.id, c]));
  const colours: BrandColour[] = [];
  for (const variable of variables) {
    const collection = byId.get(variable.variableCollectionId);
    if (!collection) continue;
    const hex = await resolveHexAsync(figma, variable, collection.defaultModeId);
    if (!hex) continue;
    const modes: BrandColour['modes'] = [];
    for (const mode of collection.modes) {
      if (mode.modeId === collection.defaultModeId) continue;
      const other = await resolveHexAsync(figma, variable, mode.modeId);
      if (other) modes.push({ mode: mode.name, hex: other });
    }
    const hidden = variable.hiddenFromPublishing || collection.hiddenFromPublishing;
    colours.push({ source: 'variable', name: variable.name, hex, modes: modes.slice(0, 20), hidden });
  }
  return colours;
}

/** Longest chain of aliases followed (a cycle, possible only in a damaged file, ends here). */
const MAX_ALIAS_DEPTH = 10;

/** The colour `variable` holds in `modeId`, following aliases; null when it cannot be resolved. */
async function resolveHexAsync(figma: BrandFigma, variable: Variable, modeId: string): Promise<string | null> {
  let current = variable;
  let mode = modeId;
  for (let depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
    const value = current.valuesByMode[mode];
    if (isRgb(value)) return hexOf(value);
    if (!isAlias(value)) return null;
    const target = await figma.variables.getVariableByIdAsync(value.id);
    if (!target) return null;
    if (target.variableCollectionId !== current.variableCollectionId) {
      const collection = await figma.variables.getVariableCollectionByIdAsync(target.variableCollectionId);
      if (!collection) return null;
      mode = collection.defaultModeId;
    }
    current = target;
  }
  return null;
}

function isAlias(value: VariableValue | undefined): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}

function isRgb(value: VariableValue | undefined): value is RGB | RGBA {
  return typeof value === 'object' && value !== null && 'r' in value && 'g' in value && 'b' in value;
}

/** `#RRGGBB` of a Figma colour (channels 0–1); alpha is left out, as a brand colour is named by its hue. */
export function hexOf(color: RGB): string {
  const channel = (v: number) =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(color.r)}${channel(color.g)}${channel(color.b)}`.toUpperCase();
}
