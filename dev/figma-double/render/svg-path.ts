/**
 * Parses the SVG-like path strings of `VectorPath.data` into polylines. Figma writes absolute M, L,
 * Q, C and Z; the double also reads H, V and relative commands. Curves are flattened into 16 straight pieces.
 */

/** One subpath as flat [x0, y0, x1, y1, …] points. */
export interface Polyline {
  points: number[];
  closed: boolean;
}

const CURVE_STEPS = 16;

/** Polylines of a path string; throws on a malformed path. */
export function parsePath(data: string): Polyline[] {
  const tokens = data.match(/[MmLlHhVvCcQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const rest = data.replace(/[MmLlHhVvCcQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[\s,]/g, '');
  if (rest.length > 0) throw new Error(`unexpected "${rest.slice(0, 10)}"`);
  const out: Polyline[] = [];
  let current: Polyline | null = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  let command = '';
  const num = (): number => {
    const t = tokens[i++];
    const v = t === undefined ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new Error(`expected a number after ${command}`);
    return v;
  };
  const lineTo = (nx: number, ny: number): void => {
    if (!current) {
      current = { points: [x, y], closed: false };
      out.push(current);
    }
    current.points.push(nx, ny);
    x = nx;
    y = ny;
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
    } else if (!command) throw new Error('path must start with a command');
    const relative = command === command.toLowerCase();
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (command.toUpperCase()) {
      case 'M': {
        x = ox + num();
        y = oy + num();
        startX = x;
        startY = y;
        current = { points: [x, y], closed: false };
        out.push(current);
        command = relative ? 'l' : 'L'; // further pairs are line-tos
        break;
      }
      case 'L':
        lineTo(ox + num(), oy + num());
        break;
      case 'H':
        lineTo(ox + num(), y);
        break;
      case 'V':
        lineTo(x, oy + num());
        break;
      case 'Q': {
        const [cx, cy, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num()];
        const [sx, sy] = [x, y];
        for (let s = 1; s <= CURVE_STEPS; s++) {
          const t = s / CURVE_STEPS;
          const u = 1 - t;
          lineTo(u * u * sx + 2 * u * t * cx + t * t * ex, u * u * sy + 2 * u * t * cy + t * t * ey);
        }
        break;
      }
      case 'C': {
        const [c1x, c1y, c2x, c2y, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num(), ox + num(), oy + num()];
        const [sx, sy] = [x, y];
        for (let s = 1; s <= CURVE_STEPS; s++) {
          const t = s / CURVE_STEPS;
          const u = 1 - t;
          const a = u * u * u;
          const b = 3 * u * u * t;
          const c = 3 * u * t * t;
          const d = t * t * t;
          lineTo(a * sx + b * c1x + c * c2x + d * ex, a * sy + b * c1y + c * c2y + d * ey);
        }
        break;
      }
      case 'Z':
        if (current) current.closed = true;
        current = null;
        x = startX;
        y = startY;
        command = '';
        break;
      default:
        throw new Error(`unsupported command ${command}`);
    }
  }
  return out;
}

/** Bounds of the points of several path strings, or null when they have no points. */
export function pathBounds(datas: readonly string[]): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const data of datas) {
    for (const line of parsePath(data)) {
      for (let i = 0; i < line.points.length; i += 2) {
        x0 = Math.min(x0, line.points[i]!);
        x1 = Math.max(x1, line.points[i]!);
        y0 = Math.min(y0, line.points[i + 1]!);
        y1 = Math.max(y1, line.points[i + 1]!);
      }
    }
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
