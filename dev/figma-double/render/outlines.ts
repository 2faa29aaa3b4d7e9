/**
 * Outlines of the shapes the double draws, as device-pixel polygons: (rounded) rectangles, ellipses, vector paths,
 * text blocks, and the rings that strokes paint. Curves are split finely enough (a few pixels per piece at the
 * export scale) that the straight pieces don't show.
 */
import { apply, scaleOf } from '../transform.js';
import { parsePath } from './svg-path.js';

/** A closed polygon as flat [x0, y0, x1, y1, …] device coordinates. */
export type Loop = number[];

/** A rectangle (0, 0)–(width, height) grown by `outset` (shrunk when negative), with rounded corners. */
export function rectLoop(m: Transform, width: number, height: number, radius: number, outset = 0): Loop | null {
  const x0 = -outset;
  const y0 = -outset;
  const x1 = width + outset;
  const y1 = height + outset;
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return null;
  const r = radius > 0 ? Math.min(Math.max(0, radius + outset), (x1 - x0) / 2, (y1 - y0) / 2) : 0;
  const local: number[] = [];
  if (r <= 0) {
    local.push(x0, y0, x1, y0, x1, y1, x0, y1);
  } else {
    const steps = Math.max(2, Math.min(64, Math.ceil((r * scaleOf(m) * Math.PI) / 2 / 3)));
    const corner = (cx: number, cy: number, from: number): void => {
      for (let i = 0; i <= steps; i++) {
        const t = from + (i / steps) * (Math.PI / 2);
        local.push(cx + r * Math.cos(t), cy + r * Math.sin(t));
      }
    };
    corner(x1 - r, y0 + r, -Math.PI / 2);
    corner(x1 - r, y1 - r, 0);
    corner(x0 + r, y1 - r, Math.PI / 2);
    corner(x0 + r, y0 + r, Math.PI);
  }
  return toDevice(m, local);
}

/** The ellipse inscribed in (0, 0)–(width, height), grown by `outset`. */
export function ellipseLoop(m: Transform, width: number, height: number, outset = 0): Loop | null {
  const rx = width / 2 + outset;
  const ry = height / 2 + outset;
  if (rx <= 0 || ry <= 0) return null;
  const perimeter = 2 * Math.PI * Math.sqrt((rx * rx + ry * ry) / 2) * scaleOf(m);
  const steps = Math.max(24, Math.min(4096, Math.ceil(perimeter / 3)));
  const local: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t = (i / steps) * 2 * Math.PI;
    local.push(width / 2 + rx * Math.cos(t), height / 2 + ry * Math.sin(t));
  }
  return toDevice(m, local);
}

/** Loops of SVG-like path data, mapped from path coordinates (`box`) onto the node's (0, 0)–(width, height). */
export function pathLoops(m: Transform, data: string, box: Rect, width: number, height: number): Loop[] {
  const sx = box.width > 0 ? width / box.width : 1;
  const sy = box.height > 0 ? height / box.height : 1;
  return parsePath(data).map((line) => {
    const local: number[] = [];
    for (let i = 0; i < line.points.length; i += 2) {
      local.push((line.points[i]! - box.x) * sx, (line.points[i + 1]! - box.y) * sy);
    }
    return toDevice(m, local);
  });
}

/** A closed polygon given as flat local-space points (polygons and stars). */
export function pointsLoop(m: Transform, local: readonly number[]): Loop {
  return toDevice(m, local);
}

/** Loops for axis-aligned rectangles in local space (text blocks). */
export function rectsLoops(m: Transform, rects: readonly Rect[]): Loop[] {
  return rects.map((r) =>
    toDevice(m, [r.x, r.y, r.x + r.width, r.y, r.x + r.width, r.y + r.height, r.x, r.y + r.height]),
  );
}

function toDevice(m: Transform, local: readonly number[]): Loop {
  const out: number[] = new Array<number>(local.length);
  for (let i = 0; i < local.length; i += 2) {
    const [x, y] = apply(m, local[i]!, local[i + 1]!);
    out[i] = x;
    out[i + 1] = y;
  }
  return out;
}

/**
 * The outline of a polygon (`innerRadius` null) or star in its own (0, 0)–(width, height) box: the regular shape's
 * points from the top centre, clockwise, stretched so that they span the whole box.
 */
export function pointedOutline(
  pointCount: number,
  innerRadius: number | null,
  width: number,
  height: number,
): number[] {
  const unit: [number, number][] = [];
  const steps = innerRadius === null ? pointCount : pointCount * 2;
  for (let i = 0; i < steps; i++) {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / steps;
    const r = innerRadius !== null && i % 2 === 1 ? innerRadius : 1;
    unit.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  const xs = unit.map((p) => p[0]);
  const ys = unit.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const sx = width / (Math.max(...xs) - x0 || 1);
  const sy = height / (Math.max(...ys) - y0 || 1);
  return unit.flatMap(([x, y]) => [(x - x0) * sx, (y - y0) * sy]);
}
