/**
 * The filter taps of core/resample.ts along one axis: an area average (box filter with fractional coverage) when the
 * axis shrinks, bilinear (pixel centres aligned) when it grows or keeps its size.
 */

/** Filter taps along one axis: for output index i, `count[i]` source indices from `start[i]`, with their weights. */
export interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float64Array;
  stride: number;
}

/** Taps mapping `srcSize` source pixels onto `dstSize` output pixels. Weights of each output pixel sum to 1. */
export function axisTaps(srcSize: number, dstSize: number): Taps {
  const scale = srcSize / dstSize;
  const stride = scale > 1 ? Math.ceil(scale) + 1 : 2;
  const start = new Int32Array(dstSize);
  const count = new Int32Array(dstSize);
  const weights = new Float64Array(dstSize * stride);
  for (let i = 0; i < dstSize; i++) {
    const base = i * stride;
    if (scale > 1) {
      // Area average: output pixel i covers source [i·scale, (i+1)·scale); each source pixel counts by its overlap.
      const from = i * scale;
      const to = Math.min(srcSize, from + scale);
      const first = Math.floor(from);
      let n = 0;
      for (let j = first; j < to && n < stride; j++) {
        const overlap = Math.min(j + 1, to) - Math.max(j, from);
        if (overlap <= 0) continue;
        if (n === 0) start[i] = j;
        weights[base + n] = overlap / scale;
        n++;
      }
      count[i] = n;
    } else {
      // Bilinear between the two source pixels around the output pixel's centre, clamped at the edges.
      const centre = Math.max(0, Math.min(srcSize - 1, (i + 0.5) * scale - 0.5));
      const j = Math.floor(centre);
      const t = centre - j;
      start[i] = j;
      if (t === 0 || j + 1 >= srcSize) {
        weights[base] = 1;
        count[i] = 1;
      } else {
        weights[base] = 1 - t;
        weights[base + 1] = t;
        count[i] = 2;
      }
    }
  }
  return { start, count, weights, stride };
}
