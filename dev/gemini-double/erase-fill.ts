/**
 * How the double performs Erase (docs/gemini-double.md#erase-and-segmentation): a request whose prompt asks to remove
 * an object (core/erase-instruction.ts words it "please remove the object … from the scene") is answered with the
 * image filled by the mean colour of the source's border, the surroundings of the region the crop is centred on. The
 * panel composites that through the shape, so the shape's inside takes the colour around it: a visible,
 * deterministic continuation. Assumed behaviour, not Google's: a real model paints the background in.
 */
import { createImage, type RgbaImage } from '../../core/rgba-image.js';

/** Whether the prompt asks for an object to be removed, as Erase words it. */
export function isErasePrompt(prompt: string): boolean {
  return /please remove the object\b/i.test(prompt);
}

/** An answer of `width` × `height` filled with the mean opaque colour of `source`'s outermost pixels. */
export function renderErase(source: RgbaImage, width: number, height: number): RgbaImage {
  const [r, g, b] = borderMean(source);
  const image = createImage(width, height);
  for (let i = 0; i < width * height * 4; i += 4) {
    image.data[i] = r;
    image.data[i + 1] = g;
    image.data[i + 2] = b;
    image.data[i + 3] = 255;
  }
  return image;
}

/** The mean colour of the image's outermost pixels. */
export function borderMean(source: RgbaImage): [number, number, number] {
  const { width, height, data } = source;
  const sum = [0, 0, 0];
  let count = 0;
  const add = (x: number, y: number): void => {
    const i = (y * width + x) * 4;
    for (let k = 0; k < 3; k++) sum[k]! += data[i + k]!;
    count++;
  };
  for (let x = 0; x < width; x++) {
    add(x, 0);
    if (height > 1) add(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y);
    if (width > 1) add(width - 1, y);
  }
  return [0, 1, 2].map((k) => Math.round(sum[k]! / Math.max(1, count))) as [number, number, number];
}
