/**
 * Paints a coverage mask with one Figma paint, compositing "over" onto the canvas: SOLID, the four gradients, and
 * IMAGE (see paint-image.ts). Blend modes other than normal, and VIDEO / PATTERN / SHADER paints, are not drawn.
 */
import type { RgbaImage } from '../../../core/png.js';
import { invert } from '../transform.js';
import { paintImage } from './paint-image.js';
import type { Canvas } from './canvas.js';
import type { Mask } from './rasterize.js';

/** What a paint needs to know about the layer it fills. */
export interface PaintTarget {
  canvas: Canvas;
  mask: Mask;
  /** Canvas-sized clip coverage, or null for none. */
  clip: Float32Array | null;
  /** Device ← node-local transform. */
  matrix: Transform;
  width: number;
  height: number;
  /** Extra alpha (layer opacity) for every pixel. */
  alpha: number;
  pixelsOf(hash: string): RgbaImage | null;
}

/** Straight RGBA in 0–1 at node-local (u, v). */
export type Shader = (u: number, v: number, out: Float64Array) => void;

/** Draws one paint over the mask. */
export function paintMask(paint: Paint, t: PaintTarget): void {
  if (paint.visible === false) return;
  const alpha = (paint.opacity ?? 1) * t.alpha;
  if (alpha <= 0) return;
  if (paint.type === 'SOLID') {
    fillSolid(t, paint.color.r, paint.color.g, paint.color.b, alpha);
    return;
  }
  if (paint.type === 'IMAGE') {
    paintImage(paint, t, alpha);
    return;
  }
  const shader = shaderFor(paint, t);
  if (!shader) return;
  const inverse = invert(t.matrix);
  if (!inverse) return;
  shade(t, inverse, shader, alpha);
}

function fillSolid(t: PaintTarget, r: number, g: number, b: number, alpha: number): void {
  const { mask, clip, canvas } = t;
  const d = canvas.data;
  for (let y = 0; y < mask.height; y++) {
    const cy = y + mask.y0;
    for (let x = 0; x < mask.width; x++) {
      let cov = mask.data[y * mask.width + x]!;
      if (cov <= 0) continue;
      const p = cy * canvas.width + x + mask.x0;
      if (clip) cov *= clip[p]!;
      const a = cov * alpha;
      if (a <= 0) continue;
      const i = p * 4;
      if (a >= 1) {
        d[i] = r;
        d[i + 1] = g;
        d[i + 2] = b;
        d[i + 3] = 1;
        continue;
      }
      const k = 1 - a;
      d[i] = r * a + d[i]! * k;
      d[i + 1] = g * a + d[i + 1]! * k;
      d[i + 2] = b * a + d[i + 2]! * k;
      d[i + 3] = a + d[i + 3]! * k;
    }
  }
}

/** Runs a shader over every covered pixel (inverse-mapping pixel centres to node-local space). */
export function shade(t: PaintTarget, inverse: Transform, shader: Shader, alpha: number): void {
  const { mask, clip, canvas } = t;
  const d = canvas.data;
  const [[a, c, e], [b, dd, f]] = inverse;
  const rgba = new Float64Array(4);
  for (let y = 0; y < mask.height; y++) {
    const cy = y + mask.y0;
    const py = cy + 0.5;
    for (let x = 0; x < mask.width; x++) {
      let cov = mask.data[y * mask.width + x]!;
      if (cov <= 0) continue;
      const p = cy * canvas.width + x + mask.x0;
      if (clip) cov *= clip[p]!;
      if (cov <= 0) continue;
      const px = x + mask.x0 + 0.5;
      shader(a * px + c * py + e, b * px + dd * py + f, rgba);
      const sa = rgba[3]! * cov * alpha;
      if (sa <= 0) continue;
      const i = p * 4;
      const k = 1 - sa;
      d[i] = rgba[0]! * sa + d[i]! * k;
      d[i + 1] = rgba[1]! * sa + d[i + 1]! * k;
      d[i + 2] = rgba[2]! * sa + d[i + 2]! * k;
      d[i + 3] = sa + d[i + 3]! * k;
    }
  }
}

function shaderFor(paint: Paint, t: PaintTarget): Shader | null {
  if (
    paint.type === 'GRADIENT_LINEAR' ||
    paint.type === 'GRADIENT_RADIAL' ||
    paint.type === 'GRADIENT_ANGULAR' ||
    paint.type === 'GRADIENT_DIAMOND'
  ) {
    return gradientShader(paint, t.width, t.height);
  }
  return null;
}

/**
 * `gradientTransform` maps the layer's 0–1 box into gradient space, where a linear gradient runs along x from 0 to 1
 * and radial, angular and diamond gradients are centred on (0.5, 0.5) with radius 0.5 (`GradientPaint`;
 * dev/figma-double/README.md#what-it-follows-from-figma).
 */
function gradientShader(paint: GradientPaint, width: number, height: number): Shader {
  const [[ga, gc, ge], [gb, gd, gf]] = paint.gradientTransform;
  const stops = [...paint.gradientStops].sort((p, q) => p.position - q.position);
  return (u, v, out) => {
    const nu = width > 0 ? u / width : 0;
    const nv = height > 0 ? v / height : 0;
    const gx = ga * nu + gc * nv + ge;
    const gy = gb * nu + gd * nv + gf;
    let tpos: number;
    if (paint.type === 'GRADIENT_LINEAR') tpos = gx;
    else if (paint.type === 'GRADIENT_RADIAL') tpos = Math.hypot(gx - 0.5, gy - 0.5) * 2;
    else if (paint.type === 'GRADIENT_DIAMOND') tpos = (Math.abs(gx - 0.5) + Math.abs(gy - 0.5)) * 2;
    else tpos = (Math.atan2(gy - 0.5, gx - 0.5) / (2 * Math.PI) + 1) % 1;
    stopColor(stops, tpos, out);
  };
}

function stopColor(stops: readonly ColorStop[], tpos: number, out: Float64Array): void {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  let lo = first;
  let hi = last;
  if (tpos <= first.position) hi = first;
  else if (tpos >= last.position) lo = last;
  else {
    for (let i = 1; i < stops.length; i++) {
      if (stops[i]!.position >= tpos) {
        lo = stops[i - 1]!;
        hi = stops[i]!;
        break;
      }
    }
  }
  const span = hi.position - lo.position;
  const k = span > 0 ? (tpos - lo.position) / span : 0;
  const a0 = lo.color.a;
  const a1 = hi.color.a;
  const a = a0 + (a1 - a0) * k;
  out[3] = a;
  if (a <= 0) return;
  // Interpolate premultiplied, then un-premultiply, so a fade to transparent keeps its hue.
  out[0] = (lo.color.r * a0 + (hi.color.r * a1 - lo.color.r * a0) * k) / a;
  out[1] = (lo.color.g * a0 + (hi.color.g * a1 - lo.color.g * a0) * k) / a;
  out[2] = (lo.color.b * a0 + (hi.color.b * a1 - lo.color.b * a0) * k) / a;
}
