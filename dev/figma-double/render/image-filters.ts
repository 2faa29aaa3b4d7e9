/**
 * An IMAGE paint's `filters` (exposure, contrast, saturation, temperature, tint, highlights, shadows, each −1…1),
 * drawn so that an adjustment is visible in the playground and in exports. Figma does not document its filter math;
 * these curves are **assumed** (dev/figma-double/README.md): exposure multiplies by 2^e, contrast scales around
 * mid-grey by 1 + c, saturation scales the distance from the luma by 1 + s, temperature moves red up and blue down by
 * 20 % × t, tint moves green down by 20 % × t, highlights and shadows lift or lower the bright or dark tones by up to a
 * quarter. Applied to the image's straight (not premultiplied) colour, in that order, alpha untouched.
 */

/** The image's pixels with the filters applied; the same array when there are none. */
export function filteredPixels(data: Uint8Array, filters: ImageFilters | undefined): Uint8Array {
  if (!filters || Object.values(filters).every((amount) => !amount)) return data;
  const { exposure = 0, contrast = 0, saturation = 0, temperature = 0, tint = 0 } = filters;
  const { highlights = 0, shadows = 0 } = filters;
  const gain = 2 ** exposure;
  const out = new Uint8Array(data.length);
  const rgb = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) {
    for (let k = 0; k < 3; k++) rgb[k] = ((data[i + k]! / 255) * gain - 0.5) * (1 + contrast) + 0.5;
    const luma = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
    for (let k = 0; k < 3; k++) rgb[k] = luma + (rgb[k]! - luma) * (1 + saturation);
    rgb[0] = rgb[0]! * (1 + 0.2 * temperature);
    rgb[2] = rgb[2]! * (1 - 0.2 * temperature);
    rgb[1] = rgb[1]! * (1 - 0.2 * tint);
    const bright = smoothstep(0.5, 1, luma);
    const dark = 1 - smoothstep(0, 0.5, luma);
    const lift = 0.25 * (highlights * bright + shadows * dark);
    for (let k = 0; k < 3; k++) out[i + k] = Math.round(Math.min(1, Math.max(0, rgb[k]! + lift)) * 255);
    out[i + 3] = data[i + 3]!;
  }
  return out;
}

function smoothstep(from: number, to: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - from) / (to - from)));
  return t * t * (3 - 2 * t);
}
