/**
 * How the double finds objects to segment (docs/gemini-double.md#erase-and-segmentation): the pixels whose colour
 * differs from the image's border colour (the backdrop) by more than a threshold, grouped into 4-connected blobs,
 * largest first. A deterministic stand-in for what the model sees; assumed, not Google's.
 */
import type { RgbaImage } from '../../core/rgba-image.js';
import { borderMean } from './erase-fill.js';

/** One blob: its pixels' bounding box (inclusive) and which pixels of the image it holds. */
export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  /** 1 where the pixel belongs to this blob, over the whole image. */
  member: Uint8Array;
}

/** Sum of the channel differences from the border colour above which a pixel is foreground. */
const THRESHOLD = 60;

/** The blobs of at least `minShare` of the image, largest first, at most `max`. */
export function subjectBlobs(image: RgbaImage, max = 3, minShare = 0.005): Blob[] {
  const { width, height, data } = image;
  const [r, g, b] = borderMean(image);
  const fore = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const d = Math.abs(data[i * 4]! - r) + Math.abs(data[i * 4 + 1]! - g) + Math.abs(data[i * 4 + 2]! - b);
    fore[i] = d > THRESHOLD ? 1 : 0;
  }
  const seen = new Uint8Array(width * height);
  const blobs: Blob[] = [];
  for (let start = 0; start < width * height; start++) {
    if (!fore[start] || seen[start]) continue;
    const blob = flood(fore, seen, width, height, start);
    if (blob.size >= minShare * width * height) blobs.push(blob);
  }
  return blobs.sort((a, b2) => b2.size - a.size).slice(0, max);
}

function flood(fore: Uint8Array, seen: Uint8Array, width: number, height: number, start: number): Blob {
  const member = new Uint8Array(width * height);
  const stack = [start];
  seen[start] = 1;
  const blob = { x0: width, y0: height, x1: 0, y1: 0, size: 0, member };
  while (stack.length > 0) {
    const i = stack.pop()!;
    member[i] = 1;
    blob.size++;
    const x = i % width;
    const y = (i - x) / width;
    blob.x0 = Math.min(blob.x0, x);
    blob.x1 = Math.max(blob.x1, x);
    blob.y0 = Math.min(blob.y0, y);
    blob.y1 = Math.max(blob.y1, y);
    const next = [
      x > 0 ? i - 1 : -1,
      x < width - 1 ? i + 1 : -1,
      y > 0 ? i - width : -1,
      y < height - 1 ? i + width : -1,
    ];
    for (const n of next) {
      if (n >= 0 && fore[n] && !seen[n]) {
        seen[n] = 1;
        stack.push(n);
      }
    }
  }
  return blob;
}
