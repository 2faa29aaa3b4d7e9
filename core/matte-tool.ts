/**
 * What a Remove background or Isolate object press asks for and records (docs/image-tools.md): the label sent to
 * the segmentation model, the hint box a shape gives, which masks make the matte, and the turn record's prompt and
 * `tool`. Pure, so both the action (ui/actions/cut-out.ts) and the tests read the same rules.
 */
import { maskNearestHint } from './apply-matte.js';
import type { MatteMethod, TurnTool } from './image-tool.js';
import type { RenderKeep } from './matte-render-instruction.js';
import type { NodeSnapshot } from './messages.js';
import { describeRegionPlace } from './region-instruction.js';
import type { SegmentMask } from './segment-schema.js';

/** Which cut-out: the whole subject, or one object named or marked with a shape. */
export type CutOut = { name: 'remove-background' } | { name: 'isolate'; object: string; shape: NodeSnapshot | null };

/** The box of `shape` over `target`, in Gemini's units: [y0, x0, y1, x1], each 0–1000; null without boxes. */
export function hintBoxOf(target: NodeSnapshot, shape: NodeSnapshot | null): [number, number, number, number] | null {
  const t = target.box;
  const s = shape?.box;
  if (!t || !s || t.width <= 0 || t.height <= 0) return null;
  const y = (v: number) => Math.min(1000, Math.max(0, ((v - t.y) / t.height) * 1000));
  const x = (v: number) => Math.min(1000, Math.max(0, ((v - t.x) / t.width) * 1000));
  return [y(s.y), x(s.x), y(s.y + s.height), x(s.x + s.width)];
}

/** The label to send: the object's name for Isolate object when one was typed; none for the main subject. */
export function labelOf(cut: CutOut): string | undefined {
  return cut.name === 'isolate' && cut.object.trim() ? cut.object.trim() : undefined;
}

/**
 * The masks that make the matte: every mask for Remove background (the subject's parts together); for Isolate
 * object the one overlapping the shape most, or the first (the model's best match for the name).
 */
export function masksForMatte(cut: CutOut, target: NodeSnapshot, masks: readonly SegmentMask[]): SegmentMask[] {
  if (cut.name === 'remove-background') return [...masks];
  const one = maskNearestHint(masks, hintBoxOf(target, cut.shape));
  return one ? [one] : [];
}

/** The turn record's prompt: what the History shows for the cut-out. */
export function cutOutPrompt(cut: CutOut): string {
  if (cut.name === 'remove-background') return 'Remove background';
  const object = cut.object.trim();
  return object ? `Isolate ${object}` : `Isolate the object inside ${cut.shape?.name ?? 'the shape'}`;
}

/** The turn record's `tool`, with how the matte was made. */
export function cutOutTool(cut: CutOut, matte: MatteMethod = 'segmentation'): TurnTool {
  const object = cut.name === 'isolate' ? cut.object.trim() : '';
  return { name: cut.name, matte, ...(object ? { object: object.slice(0, 200) } : {}) };
}

/**
 * What the two renders keep (core/matte-render-instruction.ts): the main subject for Remove background; for Isolate
 * object the object by its name, or else by the place of the shape over the image (as Erase names a place).
 */
export function renderKeepOf(cut: CutOut, target: NodeSnapshot): RenderKeep {
  if (cut.name === 'remove-background') return { kind: 'subject' };
  const name = cut.object.trim();
  if (name) return { kind: 'named', name };
  const [t, s] = [target.box, cut.shape?.box];
  if (!t || !s || t.width <= 0 || t.height <= 0) return { kind: 'subject' };
  return { kind: 'place', place: describeRegionPlace(t, s) };
}
