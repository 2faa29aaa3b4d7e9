/**
 * The file's image store. Figma keeps images as content-addressed blobs that paints point at by hash; `Image`
 * objects "are not nodes. They are handles to images stored by Figma" (docs/figma-platform.md#images-live-in-fills).
 */
import { readImageHeader, type ImageType } from '../../../core/image-header.js';
import type { RgbaImage } from '../../../core/png.js';
import { decodeImage } from './decode-image.js';
import { sha1Hex } from '../../../core/sha1.js';

/** Figma rejects images above 4096 px on either side (docs/figma-platform.md#images-at-most-4096-px). */
export const MAX_IMAGE_SIDE = 4096;

/** One stored image: its original bytes and what its header says. */
export interface StoredImage {
  hash: string;
  bytes: Uint8Array;
  mimeType: ImageType;
  width: number;
  height: number;
}

/** Images by hash, with decoded pixels cached for rendering. */
export class ImageStore {
  private readonly images = new Map<string, StoredImage>();
  private readonly decoded = new Map<string, RgbaImage | null>();

  /**
   * Checks and stores image bytes, as `figma.createImage` does: PNG, JPEG or GIF only ("Image type is
   * unsupported"), at most 4096 px a side ("Image is too large", yuanqing/figma-plugins#19). Same bytes, same hash.
   */
  add(bytes: Uint8Array, api = 'createImage'): StoredImage {
    if (!(bytes instanceof Uint8Array)) throw new Error(`in ${api}: Expected a Uint8Array`);
    const header = readImageHeader(bytes);
    if (!header || header.mimeType === 'image/webp') throw new Error(`in ${api}: Image type is unsupported`);
    if (header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE) {
      throw new Error(`in ${api}: Image is too large`);
    }
    const hash = sha1Hex(bytes);
    const existing = this.images.get(hash);
    if (existing) return existing;
    const image: StoredImage = { hash, bytes: bytes.slice(), ...header };
    this.images.set(hash, image);
    return image;
  }

  /** The stored image with this hash, if any. */
  get(hash: string): StoredImage | undefined {
    return this.images.get(hash);
  }

  /** Every stored image, in insertion order. */
  all(): StoredImage[] {
    return [...this.images.values()];
  }

  /** Decoded pixels (cached), or null when the image is unknown or cannot be decoded. */
  pixels(hash: string): RgbaImage | null {
    if (this.decoded.has(hash)) return this.decoded.get(hash) ?? null;
    const image = this.images.get(hash);
    const pixels = image ? decodeImage(image.bytes, image.mimeType, image.width, image.height) : null;
    this.decoded.set(hash, pixels);
    return pixels;
  }

  /** Drops everything (used when a whole document is loaded in place). */
  clear(): void {
    this.images.clear();
    this.decoded.clear();
  }
}
