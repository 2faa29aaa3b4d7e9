/**
 * Builds a region mask from a geometric description, anti-aliased by supersampling. The real mask comes from
 * Figma (the shape exported alone, docs/regional-edits.md); this one lets tests, the Figma double and the
 * playground make the same kind of mask from rectangles, rotated ellipses and (concave) polygons or pen paths.
 * Coordinates are pixels of the mask, y down; `rotation` is in degrees about the shape's centre, clockwise on screen.
 */
import { createMask, type AlphaMask } from './region-mask.js';

export type ShapeDescription =
  | { kind: 'rectangle'; x: number; y: number; width: number; height: number; rotation?: number }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; rotation?: number }
  /** A closed polygon (a flattened pen path), filled even-odd; it may be concave and run off the mask. */
  | { kind: 'polygon'; points: readonly (readonly [number, number])[] };

type Point = readonly [number, number];

function rotatedRectangle(x: number, y: number, w: number, h: number, degrees: number): Point[] {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const c = Math.cos((degrees * Math.PI) / 180);
  const s = Math.sin((degrees * Math.PI) / 180);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([dx, dy]) => [cx + dx! * c - dy! * s, cy + dx! * s + dy! * c] as const);
}

/** Sorted x positions where the horizontal line at `y` crosses the polygon's edges (half-open at vertices). */
function crossings(points: readonly Point[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % points.length]!;
    if (ay <= y !== by <= y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A `width × height` mask of `shape`, each pixel's alpha the share of its `samples × samples` sample points that
 * fall inside (pixel centres when `samples` is 1).
 */
export function rasterizeShape(width: number, height: number, shape: ShapeDescription, samples = 4): AlphaMask {
  const mask = createMask(width, height);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be ≥ 1, got ${samples}`);
  const total = samples * samples;
  const coverage = new Uint16Array(width);
  if (shape.kind === 'ellipse') {
    const c = Math.cos(((shape.rotation ?? 0) * Math.PI) / 180);
    const s = Math.sin(((shape.rotation ?? 0) * Math.PI) / 180);
    // Only the ellipse's axis-aligned bounding box can be inside.
    const ex = Math.hypot(shape.rx * c, shape.ry * s);
    const ey = Math.hypot(shape.rx * s, shape.ry * c);
    const x0 = Math.max(0, Math.floor(shape.cx - ex));
    const x1 = Math.min(width, Math.ceil(shape.cx + ex));
    for (let y = Math.max(0, Math.floor(shape.cy - ey)); y < Math.min(height, Math.ceil(shape.cy + ey)); y++) {
      coverage.fill(0);
      for (let sy = 0; sy < samples; sy++) {
        const dy = y + (sy + 0.5) / samples - shape.cy;
        for (let x = x0; x < x1; x++) {
          for (let sx = 0; sx < samples; sx++) {
            const dx = x + (sx + 0.5) / samples - shape.cx;
            // Into the ellipse's own axes: rotate by −rotation.
            const u = (dx * c + dy * s) / shape.rx;
            const v = (-dx * s + dy * c) / shape.ry;
            if (u * u + v * v <= 1) coverage[x]!++;
          }
        }
      }
      for (let x = x0; x < x1; x++) mask.alpha[y * width + x] = Math.round((coverage[x]! * 255) / total);
    }
    return mask;
  }
  const points =
    shape.kind === 'rectangle'
      ? rotatedRectangle(shape.x, shape.y, shape.width, shape.height, shape.rotation ?? 0)
      : shape.points;
  for (let y = 0; y < height; y++) {
    coverage.fill(0);
    for (let sy = 0; sy < samples; sy++) {
      const xs = crossings(points, y + (sy + 0.5) / samples);
      // Even-odd: between crossings 0–1, 2–3, … is inside.
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = xs[k]!;
        const to = xs[k + 1]!;
        for (let x = Math.max(0, Math.floor(from)); x < Math.min(width, Math.ceil(to)); x++) {
          for (let sx = 0; sx < samples; sx++) {
            const px = x + (sx + 0.5) / samples;
            if (px >= from && px < to) coverage[x]!++;
          }
        }
      }
    }
    for (let x = 0; x < width; x++) mask.alpha[y * width + x] = Math.round((coverage[x]! * 255) / total);
  }
  return mask;
}
