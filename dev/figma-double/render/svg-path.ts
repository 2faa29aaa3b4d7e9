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

const TOKEN = /[MmLlHhVvCcQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
const TOKEN_OR_SEPARATOR = /[MmLlHhVvCcQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[\s,]/g;

/** Polylines of a path string; throws on a malformed path. */
export function parsePath(data: string): Polyline[] {
  const tokens = data.match(TOKEN) ?? [];
  const rest = data.replace(TOKEN_OR_SEPARATOR, '');
  if (rest.length > 0) throw new Error(`unexpected "${rest.slice(0, 10)}"`);
  const pen = new PolylinePen();
  let i = 0;
  let command = '';
  const num = (): number => {
    const t = tokens[i++];
    const v = t === undefined ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new Error(`expected a number after ${command}`);
    return v;
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
    } else if (!command) throw new Error('path must start with a command');
    command = drawCommand(pen, command, num);
  }
  return pen.out;
}

/**
 * Draws one command with its numbers (read by `num`); returns the command further numbers belong to: line-tos after
 * a move-to, none after a close, the same command otherwise.
 */
function drawCommand(pen: PolylinePen, command: string, num: () => number): string {
  const relative = command === command.toLowerCase();
  const ox = relative ? pen.x : 0;
  const oy = relative ? pen.y : 0;
  switch (command.toUpperCase()) {
    case 'M':
      pen.moveTo(ox + num(), oy + num());
      return relative ? 'l' : 'L'; // further pairs are line-tos
    case 'L':
      pen.lineTo(ox + num(), oy + num());
      return command;
    case 'H':
      pen.lineTo(ox + num(), pen.y);
      return command;
    case 'V':
      pen.lineTo(pen.x, oy + num());
      return command;
    case 'Q':
      pen.quadTo(ox + num(), oy + num(), ox + num(), oy + num());
      return command;
    case 'C':
      pen.cubicTo(ox + num(), oy + num(), ox + num(), oy + num(), ox + num(), oy + num());
      return command;
    case 'Z':
      pen.close();
      return '';
    default:
      throw new Error(`unsupported command ${command}`);
  }
}

/** Draws subpaths as polylines from the current point, flattening curves into {@link CURVE_STEPS} pieces. */
class PolylinePen {
  readonly out: Polyline[] = [];
  x = 0;
  y = 0;
  private current: Polyline | null = null;
  private startX = 0;
  private startY = 0;

  /** Starts a new subpath at (nx, ny). */
  moveTo(nx: number, ny: number): void {
    this.x = nx;
    this.y = ny;
    this.startX = nx;
    this.startY = ny;
    this.current = { points: [nx, ny], closed: false };
    this.out.push(this.current);
  }

  /** A straight piece to (nx, ny); after a close, it starts a new subpath at the closed one's start. */
  lineTo(nx: number, ny: number): void {
    if (!this.current) {
      this.current = { points: [this.x, this.y], closed: false };
      this.out.push(this.current);
    }
    this.current.points.push(nx, ny);
    this.x = nx;
    this.y = ny;
  }

  /** A quadratic Bézier to (ex, ey) through control point (cx, cy). */
  quadTo(cx: number, cy: number, ex: number, ey: number): void {
    const [sx, sy] = [this.x, this.y];
    for (let s = 1; s <= CURVE_STEPS; s++) {
      const t = s / CURVE_STEPS;
      const u = 1 - t;
      this.lineTo(u * u * sx + 2 * u * t * cx + t * t * ex, u * u * sy + 2 * u * t * cy + t * t * ey);
    }
  }

  /** A cubic Bézier to (ex, ey) with control points (c1x, c1y) and (c2x, c2y). */
  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, ex: number, ey: number): void {
    const [sx, sy] = [this.x, this.y];
    for (let s = 1; s <= CURVE_STEPS; s++) {
      const t = s / CURVE_STEPS;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      this.lineTo(a * sx + b * c1x + c * c2x + d * ex, a * sy + b * c1y + c * c2y + d * ey);
    }
  }

  /** Closes the subpath and goes back to its start. */
  close(): void {
    if (this.current) this.current.closed = true;
    this.current = null;
    this.x = this.startX;
    this.y = this.startY;
  }
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
