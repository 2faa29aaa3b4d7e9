/**
 * The rasterizer's drawing surface: premultiplied RGBA as floats in 0–1, so layers composite exactly and group
 * opacity can be applied to a finished layer. Exports convert it to 8-bit straight-alpha sRGB at the end.
 */
import type { RgbaImage } from '../../../core/png.js';

/** 8-bit RGBA pixels in their own ArrayBuffer (so they can go straight into `ImageData` in the browser). */
export interface RenderedPixels extends RgbaImage {
  data: Uint8Array<ArrayBuffer>;
}

/** A premultiplied float RGBA surface. */
export class Canvas {
  readonly data: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float32Array(width * height * 4);
  }

  /** Composites `src` over this canvas, multiplying its alpha by `opacity`. */
  drawCanvas(src: Canvas, opacity: number): void {
    const d = this.data;
    const s = src.data;
    for (let i = 0; i < d.length; i += 4) {
      const a = s[i + 3]! * opacity;
      if (a <= 0) continue;
      const k = 1 - a;
      d[i] = s[i]! * opacity + d[i]! * k;
      d[i + 1] = s[i + 1]! * opacity + d[i + 1]! * k;
      d[i + 2] = s[i + 2]! * opacity + d[i + 2]! * k;
      d[i + 3] = a + d[i + 3]! * k;
    }
  }

  /** 8-bit straight-alpha RGBA; `background` (0–1 RGB) flattens transparency, as a JPEG export needs. */
  toRgba8(background?: [number, number, number]): RenderedPixels {
    const out = new Uint8Array(this.width * this.height * 4);
    const d = this.data;
    for (let i = 0; i < d.length; i += 4) {
      let a = d[i + 3]!;
      let r = d[i]!;
      let g = d[i + 1]!;
      let b = d[i + 2]!;
      if (background) {
        const k = 1 - a;
        r += background[0] * k;
        g += background[1] * k;
        b += background[2] * k;
        a = 1;
      }
      if (a <= 0) continue;
      out[i] = Math.round(Math.min(1, r / a) * 255);
      out[i + 1] = Math.round(Math.min(1, g / a) * 255);
      out[i + 2] = Math.round(Math.min(1, b / a) * 255);
      out[i + 3] = Math.round(Math.min(1, a) * 255);
    }
    return { width: this.width, height: this.height, data: out };
  }
}
