/**
 * 2×3 affine matrices in Figma's layout (`Transform = [[a, c, tx], [b, d, ty]]`, mapping local (x, y) to
 * (a·x + c·y + tx, b·x + d·y + ty)), as `relativeTransform` and `absoluteTransform` use them.
 */

/** The identity transform. */
export const IDENTITY: Transform = [
  [1, 0, 0],
  [0, 1, 0],
];

/** `outer ∘ inner`: first apply `inner`, then `outer`. */
export function multiply(outer: Transform, inner: Transform): Transform {
  const [[a, c, e], [b, d, f]] = outer;
  const [[a2, c2, e2], [b2, d2, f2]] = inner;
  return [
    [a * a2 + c * b2, a * c2 + c * d2, a * e2 + c * f2 + e],
    [b * a2 + d * b2, b * c2 + d * d2, b * e2 + d * f2 + f],
  ];
}

/** The inverse transform, or null when the matrix is singular. */
export function invert(m: Transform): Transform | null {
  const [[a, c, e], [b, d, f]] = m;
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-12) return null;
  return [
    [d / det, -c / det, (c * f - d * e) / det],
    [-b / det, a / det, (b * e - a * f) / det],
  ];
}

/** Maps a point through `m`. */
export function apply(m: Transform, x: number, y: number): [number, number] {
  return [m[0][0] * x + m[0][1] * y + m[0][2], m[1][0] * x + m[1][1] * y + m[1][2]];
}

/** A translation. */
export function translation(x: number, y: number): Transform {
  return [
    [1, 0, x],
    [0, 1, y],
  ];
}

/** A uniform or non-uniform scale about the origin. */
export function scaling(sx: number, sy: number = sx): Transform {
  return [
    [sx, 0, 0],
    [0, sy, 0],
  ];
}

/**
 * Rotation in Figma's sense: positive degrees turn the layer counter-clockwise on screen (y points down), about the
 * node's top-left corner, which stays at (x, y) (`LayoutMixin.rotation`: "The rotation is with respect to the top-left
 * of the object"; dev/figma-double/README.md#what-it-follows-from-figma). Figma reads it back as `atan2(-m10, m00)`.
 */
export function rotationTransform(degrees: number, x: number, y: number): Transform {
  const radians = (degrees * Math.PI) / 180;
  const cos = cleanZero(Math.cos(radians));
  const sin = cleanZero(Math.sin(radians));
  return [
    [cos, sin, x],
    [-sin, cos, y],
  ];
}

/** Degrees of rotation of a transform, from -180 to 180, as Figma reports it. */
export function rotationOf(m: Transform): number {
  const degrees = (Math.atan2(-m[1][0], m[0][0]) * 180) / Math.PI;
  return cleanZero(Math.round(degrees * 1e9) / 1e9);
}

/** Axis-aligned bounds of the box (0, 0)–(width, height) mapped through `m`. */
export function transformedBounds(m: Transform, width: number, height: number): Rect {
  const corners = [apply(m, 0, 0), apply(m, width, 0), apply(m, 0, height), apply(m, width, height)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Smallest rectangle holding every given rectangle, or null for none. */
export function unionRects(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Overlap of two rectangles, or null when they do not overlap. */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** A checked, copied transform: six finite numbers in Figma's nested-array shape. */
export function copyTransform(value: unknown, what: string): Transform {
  const rows = Array.isArray(value) && value.length === 2 ? value : null;
  const ok =
    rows !== null &&
    rows.every((row: unknown) => Array.isArray(row) && row.length === 3 && row.every((v) => Number.isFinite(v)));
  if (!ok) throw new Error(`in ${what}: Expected a Transform: [[number, number, number], [number, number, number]]`);
  const [r0, r1] = rows as [[number, number, number], [number, number, number]];
  return [
    [r0[0], r0[1], r0[2]],
    [r1[0], r1[1], r1[2]],
  ];
}

/** Average linear scale of a transform (square root of the determinant's size). */
export function scaleOf(m: Transform): number {
  return Math.sqrt(Math.abs(m[0][0] * m[1][1] - m[0][1] * m[1][0]));
}

function cleanZero(v: number): number {
  return Math.abs(v) < 1e-12 ? 0 : v;
}
