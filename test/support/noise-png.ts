/** A PNG that compresses badly, as a photo-like frame does: every pixel a pseudo-random opaque colour. */
import { createImage, encodePng } from '../../core/png.js';

/** `width × height` of seeded noise; zlib `level` 0 stores it, so its size is about 4 bytes a pixel. */
export function noisePng(width: number, height: number, level: 0 | 1 = 1, seed = 12345): Uint8Array {
  const image = createImage(width, height);
  let state = seed;
  for (let i = 0; i < image.data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    image.data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  return encodePng(image, level);
}
