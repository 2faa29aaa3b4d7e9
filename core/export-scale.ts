/**
 * The scale a frame is meant to be seen at, read from its own export settings (the Export section of Figma's
 * right panel), so a result is made as sharp as the frame will be exported (docs/architecture.md#sizes-from-the-frame).
 */

/** What {@link exportScaleOf} reads of a Figma `ExportSettings` (structural, so core needs no Figma types). */
export interface ExportSettingLike {
  readonly format: string;
  readonly constraint?: { readonly type: string; readonly value: number };
}

/**
 * Scale used when a frame has no PNG or JPG export setting: 2×. Screens are designed in points and shipped at 2×
 * (retina) or more, Figma's own export presets start at 2×, and a 1× result looks soft wherever the design is
 * viewed at 2×. Larger sizes cost more, so 3× is left to frames that ask for it.
 */
export const DEFAULT_EXPORT_SCALE = 2;

/**
 * The export scale of a `width × height` frame: its first PNG or JPG export setting gives it. `SCALE` is the scale;
 * `WIDTH` and `HEIGHT` pin one side in pixels, so they convert to pixels ÷ points; a setting without a constraint
 * exports at 1× (Figma's default: docs/figma-platform.md#exporting). Without a usable PNG or JPG setting (none, only
 * SVG/PDF, or a value that is not positive), {@link DEFAULT_EXPORT_SCALE}.
 */
export function exportScaleOf(settings: readonly ExportSettingLike[], width: number, height: number): number {
  const setting = settings.find((s) => s.format === 'PNG' || s.format === 'JPG');
  if (!setting) return DEFAULT_EXPORT_SCALE;
  const constraint = setting.constraint;
  if (!constraint) return 1;
  const scale =
    constraint.type === 'SCALE'
      ? constraint.value
      : constraint.type === 'WIDTH'
        ? constraint.value / width
        : constraint.type === 'HEIGHT'
          ? constraint.value / height
          : NaN;
  return scale > 0 && Number.isFinite(scale) ? scale : DEFAULT_EXPORT_SCALE;
}
