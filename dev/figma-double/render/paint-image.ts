/**
 * Image paints (`ImagePaint`). FILL covers the box (centred crop), FIT fits inside it (centred, the rest left
 * empty), CROP maps the box through `imageTransform` (box 0–1 → image 0–1), TILE repeats the image at its pixel
 * size × `scalingFactor`. `rotation` turns the image by quarter turns (clockwise in the double). Sampling is
 * bilinear with premultiplied alpha. `filters` are drawn with assumed curves (./image-filters.ts).
 */
import { invert, multiply } from '../transform.js';
import { filteredPixels } from './image-filters.js';
import { shade, type PaintTarget } from './paint-mask.js';

/** Draws an image paint over the target's mask. */
export function paintImage(paint: ImagePaint, t: PaintTarget, alpha: number): void {
  if (!paint.imageHash) return;
  const stored = t.pixelsOf(paint.imageHash);
  const inverse = invert(t.matrix);
  if (!stored || !inverse) return;
  const image = { width: stored.width, height: stored.height, data: filteredPixels(stored.data, paint.filters) };
  const turns = ((((paint.rotation ?? 0) / 90) % 4) + 4) % 4;
  const iw = image.width;
  const ih = image.height;
  const rw = turns % 2 === 1 ? ih : iw;
  const rh = turns % 2 === 1 ? iw : ih;
  const W = t.width;
  const H = t.height;
  // From the rotated image back to the stored one (undoing the paint's rotation).
  const unrotate: Transform = (
    [
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
      [
        [0, 1, 0],
        [-1, 0, ih],
      ],
      [
        [-1, 0, iw],
        [0, -1, ih],
      ],
      [
        [0, -1, iw],
        [1, 0, 0],
      ],
    ] as Transform[]
  )[turns]!;
  if (paint.scaleMode === 'TILE') {
    const f = paint.scalingFactor ?? 1;
    const tw = rw * f;
    const th = rh * f;
    const [[a, c, e], [b, d, g]] = unrotate;
    shade(
      t,
      inverse,
      (u, v, out) => {
        const qx = (((u % tw) + tw) % tw) / f;
        const qy = (((v % th) + th) % th) / f;
        bilinear(image.data, iw, ih, a * qx + c * qy + e, b * qx + d * qy + g, out);
      },
      alpha,
    );
    return;
  }
  // Node-local → rotated image pixels.
  let local: Transform;
  if (paint.scaleMode === 'CROP') {
    const [[a, c, e], [b, d, f]] = paint.imageTransform ?? [
      [1, 0, 0],
      [0, 1, 0],
    ];
    local = [
      [(a * rw) / W, (c * rw) / H, e * rw],
      [(b * rh) / W, (d * rh) / H, f * rh],
    ];
  } else {
    const s = paint.scaleMode === 'FILL' ? Math.max(W / rw, H / rh) : Math.min(W / rw, H / rh);
    local = [
      [1 / s, 0, -(W - rw * s) / 2 / s],
      [0, 1 / s, -(H - rh * s) / 2 / s],
    ];
  }
  drawAffine(t, multiply(unrotate, multiply(local, inverse)), image.data, iw, ih, alpha);
}

/** The fast path: device pixel → image pixel is one affine map, stepped along each row. */
function drawAffine(t: PaintTarget, m: Transform, data: Uint8Array, iw: number, ih: number, alpha: number): void {
  const { mask, clip, canvas } = t;
  const d = canvas.data;
  const [[ma, mc, me], [mb, md, mf]] = m;
  const out = new Float64Array(4);
  for (let y = 0; y < mask.height; y++) {
    const cy = y + mask.y0;
    const py = cy + 0.5;
    const px0 = mask.x0 + 0.5;
    let sx = ma * px0 + mc * py + me;
    let sy = mb * px0 + md * py + mf;
    for (let x = 0; x < mask.width; x++, sx += ma, sy += mb) {
      let cov = mask.data[y * mask.width + x]!;
      if (cov <= 0) continue;
      const p = cy * canvas.width + x + mask.x0;
      if (clip) cov *= clip[p]!;
      if (cov <= 0 || !(sx >= 0 && sy >= 0 && sx <= iw && sy <= ih)) continue;
      bilinear(data, iw, ih, sx, sy, out);
      const a = out[3]! * cov * alpha;
      if (a <= 0) continue;
      const i = p * 4;
      const k = 1 - a;
      d[i] = out[0]! * a + d[i]! * k;
      d[i + 1] = out[1]! * a + d[i + 1]! * k;
      d[i + 2] = out[2]! * a + d[i + 2]! * k;
      d[i + 3] = a + d[i + 3]! * k;
    }
  }
}

/** Bilinear sample at continuous pixel coordinates (pixel centres at +0.5), premultiplied, clamped at the edges. */
function bilinear(data: Uint8Array, w: number, h: number, x: number, y: number, out: Float64Array): void {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const tx = fx - x0;
  const ty = fy - y0;
  const xa = x0 < 0 ? 0 : x0 >= w ? w - 1 : x0;
  const xb = x0 + 1 >= w ? w - 1 : x0 + 1 < 0 ? 0 : x0 + 1;
  const ya = y0 < 0 ? 0 : y0 >= h ? h - 1 : y0;
  const yb = y0 + 1 >= h ? h - 1 : y0 + 1 < 0 ? 0 : y0 + 1;
  const i00 = (ya * w + xa) * 4;
  const i10 = (ya * w + xb) * 4;
  const i01 = (yb * w + xa) * 4;
  const i11 = (yb * w + xb) * 4;
  const w00 = (1 - tx) * (1 - ty) * data[i00 + 3]!;
  const w10 = tx * (1 - ty) * data[i10 + 3]!;
  const w01 = (1 - tx) * ty * data[i01 + 3]!;
  const w11 = tx * ty * data[i11 + 3]!;
  const a = w00 + w10 + w01 + w11;
  out[3] = a / 255;
  if (a <= 0) return;
  out[0] = (data[i00]! * w00 + data[i10]! * w10 + data[i01]! * w01 + data[i11]! * w11) / a / 255;
  out[1] = (data[i00 + 1]! * w00 + data[i10 + 1]! * w10 + data[i01 + 1]! * w01 + data[i11 + 1]! * w11) / a / 255;
  out[2] = (data[i00 + 2]! * w00 + data[i10 + 2]! * w10 + data[i01 + 2]! * w01 + data[i11 + 2]! * w11) / a / 255;
}
