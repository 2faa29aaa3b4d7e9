/**
 * Polygon coverage by scanlines: exact horizontal coverage and four sub-scanlines per pixel row, with the nonzero or
 * even-odd rule. Every shape the double draws (rectangles, rounded corners, ellipses, paths, text blocks, strokes)
 * becomes polygons in device pixels first, so any affine transform (rotation included) is handled the same way.
 */

/** Coverage (0–1) of the pixels in a box of the canvas. */
export interface Mask {
  x0: number;
  y0: number;
  width: number;
  height: number;
  data: Float32Array;
}

const SUB = 4;

/**
 * Coverage of closed polygons (flat [x0, y0, x1, y1, …] loops in device pixels) within a canvas of the given size,
 * or null when nothing on the canvas is covered.
 */
export function rasterize(
  loops: readonly (readonly number[])[],
  rule: 'NONZERO' | 'EVENODD',
  canvasWidth: number,
  canvasHeight: number,
): Mask | null {
  const edges = edgeTable(loops);
  const { top, bottom } = edges;
  const bx0 = Math.max(0, Math.floor(edges.minX));
  const bx1 = Math.min(canvasWidth, Math.ceil(edges.maxX));
  const by0 = Math.max(0, Math.floor(edges.minY));
  const by1 = Math.min(canvasHeight, Math.ceil(edges.maxY));
  if (top.length === 0 || bx1 <= bx0 || by1 <= by0) return null;
  const width = bx1 - bx0;
  const height = by1 - by0;
  const data = new Float32Array(width * height);
  const acc = new Float64Array(width + 2);
  const order = top.map((_, i) => i).sort((a, b) => top[a]! - top[b]!);
  let active: number[] = [];
  let next = 0;
  const xs: number[] = [];
  const ds: number[] = [];
  for (let y = by0; y < by1; y++) {
    acc.fill(0);
    for (let s = 0; s < SUB; s++) {
      const sy = y + (s + 0.5) / SUB;
      while (next < order.length && top[order[next]!]! <= sy) active.push(order[next++]!);
      active = active.filter((e) => bottom[e]! > sy);
      crossingsAt(edges, active, sy, xs, ds);
      addSpans(acc, xs, ds, rule, bx0, bx1);
    }
    let run = 0;
    const row = (y - by0) * width;
    for (let i = 0; i < width; i++) {
      run += acc[i]!;
      data[row + i] = run > 0.999999 ? 1 : run < 1e-6 ? 0 : run;
    }
  }
  return { x0: bx0, y0: by0, width, height, data };
}

/** The polygons' non-horizontal edges, each from its top end (with its slope and direction), and their bounds. */
interface EdgeTable {
  top: number[];
  bottom: number[];
  xTop: number[];
  slope: number[];
  dir: number[];
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Every edge of the loops (loops of fewer than three points draw nothing), and the bounds of their points. */
function edgeTable(loops: readonly (readonly number[])[]): EdgeTable {
  const edges: EdgeTable = {
    top: [],
    bottom: [],
    xTop: [],
    slope: [],
    dir: [],
    minX: Infinity,
    maxX: -Infinity,
    minY: Infinity,
    maxY: -Infinity,
  };
  for (const loop of loops) {
    const n = loop.length >> 1;
    if (n < 3) continue;
    for (let i = 0; i < n; i++) {
      const ax = loop[2 * i]!;
      const ay = loop[2 * i + 1]!;
      const j = (i + 1) % n;
      const bx = loop[2 * j]!;
      const by = loop[2 * j + 1]!;
      edges.minX = Math.min(edges.minX, ax);
      edges.maxX = Math.max(edges.maxX, ax);
      edges.minY = Math.min(edges.minY, ay);
      edges.maxY = Math.max(edges.maxY, ay);
      if (ay === by) continue;
      const down = by > ay;
      const [x0, y0, x1, y1] = down ? [ax, ay, bx, by] : [bx, by, ax, ay];
      edges.top.push(y0);
      edges.bottom.push(y1);
      edges.xTop.push(x0);
      edges.slope.push((x1 - x0) / (y1 - y0));
      edges.dir.push(down ? 1 : -1);
    }
  }
  return edges;
}

/** Where the active edges cross sub-scanline `sy`, sorted left to right, into `xs` with their directions in `ds`. */
function crossingsAt(edges: EdgeTable, active: readonly number[], sy: number, xs: number[], ds: number[]): void {
  const { top, xTop, slope, dir } = edges;
  xs.length = 0;
  ds.length = 0;
  for (const e of active) {
    if (top[e]! > sy) continue;
    const x = xTop[e]! + (sy - top[e]!) * slope[e]!;
    // Insertion sort: the lists are short.
    let k = xs.length;
    xs.push(x);
    ds.push(dir[e]!);
    while (k > 0 && xs[k - 1]! > x) {
      xs[k] = xs[k - 1]!;
      ds[k] = ds[k - 1]!;
      k--;
    }
    xs[k] = x;
    ds[k] = dir[e]!;
  }
}

/**
 * Adds one sub-scanline's inside spans (by the fill rule) to the row's coverage differences `acc`, with exact
 * fractional coverage at each span's ends, clipped to the box [bx0, bx1).
 */
function addSpans(
  acc: Float64Array,
  xs: readonly number[],
  ds: readonly number[],
  rule: 'NONZERO' | 'EVENODD',
  bx0: number,
  bx1: number,
): void {
  const weight = 1 / SUB;
  let winding = 0;
  let start = 0;
  for (let k = 0; k < xs.length; k++) {
    const was = rule === 'EVENODD' ? (winding & 1) !== 0 : winding !== 0;
    winding += rule === 'EVENODD' ? 1 : ds[k]!;
    const is = rule === 'EVENODD' ? (winding & 1) !== 0 : winding !== 0;
    if (!was && is) start = xs[k]!;
    else if (was && !is) {
      const a = Math.max(start, bx0) - bx0;
      const b = Math.min(xs[k]!, bx1) - bx0;
      if (b <= a) continue;
      const ia = Math.floor(a);
      const fa = a - ia;
      acc[ia] = acc[ia]! + (1 - fa) * weight;
      acc[ia + 1] = acc[ia + 1]! + fa * weight;
      const ib = Math.floor(b);
      const fb = b - ib;
      acc[ib] = acc[ib]! - (1 - fb) * weight;
      acc[ib + 1] = acc[ib + 1]! - fb * weight;
    }
  }
}
