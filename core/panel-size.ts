/**
 * The panel's window size: Figma's default for Banana Studio, the bounds a drag of the corner may reach, and the
 * clamp the sandbox applies before `figma.ui.resize` (docs/figma-platform.md#the-panels-size). Pure.
 */
import * as z from 'zod/mini';

/** A panel window size in CSS pixels. */
export interface PanelSize {
  width: number;
  height: number;
}

/** The size `figma.showUI` opens the panel at the first time (plugin/create-plugin.ts). */
export const DEFAULT_PANEL_SIZE: PanelSize = { width: 360, height: 560 };

/**
 * The smallest and largest size the corner may drag the panel to: narrow enough to sit beside the canvas, never so
 * small that the prompt and Generate no longer fit, never larger than a big screen.
 */
export const PANEL_SIZE_BOUNDS = { minWidth: 280, minHeight: 360, maxWidth: 1200, maxHeight: 1400 } as const;

/** A size as it may arrive in a message or from clientStorage: any finite numbers, clamped before use. */
export const panelSizeSchema = z.strictObject({
  width: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  height: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
});

/** The size rounded to whole pixels and held inside {@link PANEL_SIZE_BOUNDS}. */
export function clampPanelSize(size: PanelSize): PanelSize {
  const b = PANEL_SIZE_BOUNDS;
  const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));
  return { width: clamp(size.width, b.minWidth, b.maxWidth), height: clamp(size.height, b.minHeight, b.maxHeight) };
}

/** A stored size, clamped, or the default when nothing (or something unreadable) is stored. */
export function panelSizeOrDefault(stored: unknown): PanelSize {
  const parsed = panelSizeSchema.safeParse(stored);
  return parsed.success ? clampPanelSize(parsed.data) : DEFAULT_PANEL_SIZE;
}
