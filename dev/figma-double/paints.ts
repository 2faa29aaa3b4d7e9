/**
 * Paint arrays as Figma keeps them: checked on assignment, copied, deep-frozen, with `visible`, `opacity` and
 * `blendMode` filled in. "Paints are readonly objects: copy them, change the copy, and assign the whole array back"
 * (docs/figma-platform.md#images-live-in-fills).
 */
import { figmaError } from './errors.js';

const PAINT_TYPES = new Set([
  'SOLID',
  'GRADIENT_LINEAR',
  'GRADIENT_RADIAL',
  'GRADIENT_ANGULAR',
  'GRADIENT_DIAMOND',
  'IMAGE',
  'VIDEO',
  'PATTERN',
  'SHADER',
]);
const SCALE_MODES = new Set(['FILL', 'FIT', 'CROP', 'TILE']);
const BLEND_MODES = new Set<string>([
  'PASS_THROUGH',
  'NORMAL',
  'DARKEN',
  'MULTIPLY',
  'LINEAR_BURN',
  'COLOR_BURN',
  'LIGHTEN',
  'SCREEN',
  'LINEAR_DODGE',
  'COLOR_DODGE',
  'OVERLAY',
  'SOFT_LIGHT',
  'HARD_LIGHT',
  'DIFFERENCE',
  'EXCLUSION',
  'HUE',
  'SATURATION',
  'COLOR',
  'LUMINOSITY',
]);

/** Whether a string is one of Figma's blend modes. */
export function isBlendMode(value: unknown): value is BlendMode {
  return typeof value === 'string' && BLEND_MODES.has(value);
}

/**
 * Validates `value` as a paint array and returns a frozen copy. `imageExists` says whether an image hash is known
 * to the file; an unknown hash is rejected so that a paint never points at nothing.
 */
export function checkPaints(
  value: unknown,
  operation: string,
  imageExists: (hash: string) => boolean,
): readonly Paint[] {
  if (!Array.isArray(value)) throw figmaError(operation, 'Expected an array of paints');
  const out = value.map((paint: unknown, i) => checkPaint(paint, `[${i}]`, operation, imageExists));
  return Object.freeze(out);
}

function checkPaint(value: unknown, at: string, operation: string, imageExists: (hash: string) => boolean): Paint {
  const fail = (message: string): Error => figmaError(operation, `${message} at ${at}`);
  if (!isRecord(value)) throw fail('Expected a paint object');
  const type = value.type;
  if (typeof type !== 'string' || !PAINT_TYPES.has(type)) throw fail(`Invalid paint type ${JSON.stringify(type)}`);
  if (value.visible !== undefined && typeof value.visible !== 'boolean')
    throw fail('Expected "visible" to be a boolean');
  if (value.opacity !== undefined && !inUnit(value.opacity))
    throw fail('Expected "opacity" to be a number from 0 to 1');
  if (value.blendMode !== undefined && !isBlendMode(value.blendMode)) throw fail('Invalid "blendMode"');
  const common = {
    visible: value.visible ?? true,
    opacity: value.opacity ?? 1,
    blendMode: value.blendMode ?? 'NORMAL',
  };
  if (type === 'SOLID') {
    const color = value.color;
    if (!isRecord(color)) throw fail('Expected "color" to be an object {r, g, b}');
    for (const channel of ['r', 'g', 'b'] as const) {
      if (!inUnit(color[channel])) throw fail(`Expected "color.${channel}" to be a number from 0 to 1`);
    }
    // Figma keeps alpha in `opacity`; an `a` in a SOLID colour is rejected.
    const extra = Object.keys(color).filter((k) => !['r', 'g', 'b', 'sourceColor'].includes(k));
    if (extra.length > 0)
      throw fail(`Unrecognized key(s) in object: ${extra.map((k) => `'${k}'`).join(', ')} in "color"`);
    return deepFreeze({ ...copy(value), ...common }) as SolidPaint;
  }
  if (type.startsWith('GRADIENT_')) {
    if (!isTransform(value.gradientTransform)) throw fail('Expected "gradientTransform" to be a Transform');
    const stops = value.gradientStops;
    if (!Array.isArray(stops) || stops.length === 0) throw fail('Expected "gradientStops" to be a non-empty array');
    stops.forEach((stop: unknown, i) => {
      if (!isRecord(stop) || !inUnit(stop.position)) throw fail(`Expected "gradientStops[${i}].position" from 0 to 1`);
      const c = stop.color;
      if (!isRecord(c) || !(['r', 'g', 'b', 'a'] as const).every((k) => inUnit(c[k]))) {
        throw fail(`Expected "gradientStops[${i}].color" to be {r, g, b, a} from 0 to 1`);
      }
    });
    return deepFreeze({ ...copy(value), ...common }) as GradientPaint;
  }
  if (type === 'IMAGE') {
    if (typeof value.scaleMode !== 'string' || !SCALE_MODES.has(value.scaleMode)) throw fail('Invalid "scaleMode"');
    const hash = value.imageHash;
    if (hash !== null && typeof hash !== 'string') throw fail('Expected "imageHash" to be a string or null');
    if (typeof hash === 'string' && !imageExists(hash)) throw fail(`Image with hash ${hash} does not exist`);
    if (value.imageTransform !== undefined && !isTransform(value.imageTransform)) {
      throw fail('Expected "imageTransform" to be a Transform');
    }
    if (value.scalingFactor !== undefined && !(typeof value.scalingFactor === 'number' && value.scalingFactor > 0)) {
      throw fail('Expected "scalingFactor" to be a positive number');
    }
    if (value.rotation !== undefined && !(typeof value.rotation === 'number' && value.rotation % 90 === 0)) {
      throw fail('Expected "rotation" to be a multiple of 90');
    }
    if (value.filters !== undefined) checkImageFilters(value.filters, fail);
    return deepFreeze({ ...copy(value), ...common }) as ImagePaint;
  }
  return deepFreeze({ ...copy(value), ...common }) as Paint;
}

const IMAGE_FILTER_KEYS = ['exposure', 'contrast', 'saturation', 'temperature', 'tint', 'highlights', 'shadows'];

/**
 * `filters` of an IMAGE paint: the seven `ImageFilters` keys of @figma/plugin-typings, each −1…1 (the range Figma's
 * docs give). Figma's own answer to a value out of range is not documented; the double refuses it (assumed).
 */
function checkImageFilters(filters: unknown, fail: (message: string) => Error): void {
  if (!isRecord(filters)) throw fail('Expected "filters" to be an object');
  for (const [key, amount] of Object.entries(filters)) {
    if (!IMAGE_FILTER_KEYS.includes(key)) throw fail(`Unrecognized key(s) in object: '${key}' in "filters"`);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < -1 || amount > 1) {
      throw fail(`Expected "filters.${key}" to be a number from -1 to 1`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inUnit(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isTransform(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((row: unknown) => Array.isArray(row) && row.length === 3 && row.every((v) => Number.isFinite(v)))
  );
}

/** A plain deep copy of JSON-like data (paints hold nothing else). */
function copy(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Freezes an object and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The hashes of the image paints in a paint array. */
export function imageHashesOf(paints: readonly Paint[]): string[] {
  return paints.flatMap((p) => (p.type === 'IMAGE' && p.imageHash ? [p.imageHash] : []));
}
