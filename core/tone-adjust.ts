/**
 * Instant adjustments (docs/adjustments.md): when an instruction asks only for a global tone change ("warmer",
 * "a bit brighter, more contrast", "less saturated"), Figma's own image filters can do it at once and for nothing, so
 * the panel offers them beside the Gemini call. This reads such an instruction into filter amounts; anything else
 * in it ("warmer, and add a hat") means it is no pure tone change, and the answer is null. Pure.
 *
 * Figma's `ImageFilters` (exposure, contrast, saturation, temperature, tint, highlights, shadows) each run from −1 to 1
 * (docs/figma-platform.md#image-filters). Tint is never offered: which way is green and which magenta is not
 * documented.
 */

import type { TurnRecord } from './turn-record.js';

/** The filters an adjustment sets, as Figma's `ImageFilters` names them. */
export const TONE_FILTERS = ['exposure', 'contrast', 'saturation', 'temperature', 'highlights', 'shadows'] as const;
export type ToneFilter = (typeof TONE_FILTERS)[number];
export type ToneFilters = Partial<Record<ToneFilter, number>>;

/** The amount of a plain "warmer"; "slightly warmer" is half of it, "much warmer" twice. */
export const TONE_STEP = 0.3;

const GENTLE = /^(?:slightly|a (?:bit|little|touch|tad)(?: more)?|a little bit|subtly|somewhat|just a bit)\s+/;
const STRONG = /^(?:much|a lot|far|way|very|really|strongly|significantly|considerably|even)\s+/;
const GENTLE_AFTER = /\s+(?:a (?:bit|little|touch|tad)|slightly|subtly)$/;
const STRONG_AFTER = /\s+(?:a lot|much more|by a lot)$/;

/** A tone word and which way it moves its filter: "warmer" is temperature up, "muted" saturation down. */
const WORDS: readonly [RegExp, ToneFilter, 1 | -1][] = [
  [/^(?:warmer|warm(?: it)?(?: up)?|more warm(?:th)?)$/, 'temperature', 1],
  [/^(?:cooler|colder|cool(?: it)?(?: down)?|cold|more cool)$/, 'temperature', -1],
  [/^(?:brighter|lighter|brighten(?: it)?(?: up)?|lighten(?: it)?(?: up)?)$/, 'exposure', 1],
  [/^(?:darker|dimmer|darken(?: it)?)$/, 'exposure', -1],
  [/^(?:punchier|crisper|contrastier|more contrasty)$/, 'contrast', 1],
  [/^(?:flatter|softer contrast|lower contrast)$/, 'contrast', -1],
  [/^(?:more (?:saturated|vivid|vibrant|colou?rful)|saturated|vivid|vibrant|saturate(?: it)?)$/, 'saturation', 1],
  [/^(?:less (?:saturated|vivid|vibrant|colou?rful)|(?:more )?muted|desaturated?(?: it)?|duller)$/, 'saturation', -1],
  [/^(?:lift(?: the)? shadows|brighter shadows|open up(?: the)? shadows)$/, 'shadows', 1],
  [/^(?:deeper shadows|darker shadows|crush(?: the)? shadows)$/, 'shadows', -1],
  [/^(?:brighter highlights)$/, 'highlights', 1],
  [/^(?:softer highlights|recover(?: the)? highlights|tone down(?: the)? highlights)$/, 'highlights', -1],
];

/** "more contrast", "increase the saturation", "lower exposure": a verb of more or less and a filter's noun. */
const MORE = /^(?:more|increase|raise|boost|add|higher|up|stronger|enhance)$/;
const LESS = /^(?:less|decrease|lower|reduce|lessen|weaker|tone down|cut|remove some)$/;
const NOUNS: Record<string, ToneFilter> = {
  contrast: 'contrast',
  saturation: 'saturation',
  vibrance: 'saturation',
  colour: 'saturation',
  color: 'saturation',
  brightness: 'exposure',
  exposure: 'exposure',
  warmth: 'temperature',
  temperature: 'temperature',
  shadows: 'shadows',
  highlights: 'highlights',
};

const LEAD =
  /^(?:(?:please|can you|could you|just|now|then|also)\s+)*(?:(?:make|render|turn|give|get)\s+(?:it|this|the (?:image|photo|picture|shot|scene|whole thing))\s+)?/;
const TAIL =
  /\s+(?:please|overall|all over|throughout|(?:to )?the (?:whole )?(?:image|photo|picture|shot|scene)|everywhere)$/;

/** The filter amounts an instruction asks for when it is nothing but tone changes; null otherwise. */
export function toneAdjustmentOf(instruction: string): ToneFilters | null {
  const text = instruction
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[.!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || text.length > 200) return null;
  const clauses = text.split(/\s*(?:,|;|\+|&|\band\b|\bthen\b|\bwith\b)\s*/).filter((c) => c !== '');
  if (clauses.length === 0) return null;
  const filters: ToneFilters = {};
  for (const clause of clauses) {
    const step = clauseStep(clause);
    if (!step) return null;
    const [filter, amount] = step;
    filters[filter] = clamp((filters[filter] ?? 0) + amount);
  }
  return filters;
}

function clauseStep(raw: string): [ToneFilter, number] | null {
  let clause = raw.replace(LEAD, '');
  while (TAIL.test(clause)) clause = clause.replace(TAIL, '');
  let scale = 1;
  if (GENTLE.test(clause) || GENTLE_AFTER.test(clause)) scale = 0.5;
  else if (STRONG.test(clause) || STRONG_AFTER.test(clause)) scale = 2;
  clause = clause.replace(GENTLE, '').replace(STRONG, '').replace(GENTLE_AFTER, '').replace(STRONG_AFTER, '');
  for (const [pattern, filter, sign] of WORDS) {
    if (pattern.test(clause)) return [filter, round(sign * TONE_STEP * scale)];
  }
  const words = /^(.+?)\s+(?:the\s+)?(\w+)$/.exec(clause);
  const noun = words ? NOUNS[words[2]!] : undefined;
  if (!words || !noun) return null;
  const sign = MORE.test(words[1]!) ? 1 : LESS.test(words[1]!) ? -1 : 0;
  return sign === 0 ? null : [noun, round(sign * TONE_STEP * scale)];
}

/** A layer's filters after the adjustment: each added to what the paint had, kept within −1…1. */
export function addFilters(had: ToneFilters | undefined, add: ToneFilters): ToneFilters {
  const sum: ToneFilters = { ...had };
  for (const key of TONE_FILTERS) {
    const amount = add[key];
    if (amount !== undefined) sum[key] = clamp((sum[key] ?? 0) + amount);
  }
  return sum;
}

/** "temperature +0.30, contrast +0.15": the amounts, as the panel shows and the record keeps them. */
export function describeFilters(filters: ToneFilters): string {
  return TONE_FILTERS.filter((key) => filters[key] !== undefined && filters[key] !== 0)
    .map((key) => `${key} ${filters[key]! > 0 ? '+' : '−'}${Math.abs(filters[key]!).toFixed(2)}`)
    .join(', ');
}

function clamp(value: number): number {
  return round(Math.max(-1, Math.min(1, value)));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** What an instant adjustment's result carries when no model made its source (docs/adjustments.md). */
export const FIGMA_FILTERS_MODEL = 'figma-image-filters';

/**
 * An instant adjustment's provenance: its source's when a model made that (the pixels are still the model's, under
 * Figma's filters), else not AI-generated at all.
 */
export function adjustedProvenance(parent: Pick<TurnRecord, 'provenance'> | null): TurnRecord['provenance'] {
  return parent ? { ...parent.provenance } : { aiGenerated: false, model: FIGMA_FILTERS_MODEL, synthId: false };
}
