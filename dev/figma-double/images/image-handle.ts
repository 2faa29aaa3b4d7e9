/** `Image` (plugin-api.d.ts): a handle to stored bytes, with its hash. */
import type { DoubleContext } from '../document/context.js';
import { figmaError } from '../errors.js';
import type { StoredImage } from './image-store.js';

/** An image handle. */
export class ImageHandle implements Image {
  readonly hash: string;

  constructor(
    private readonly ctx: DoubleContext,
    image: StoredImage,
  ) {
    this.hash = image.hash;
  }

  private stored(operation: string): StoredImage {
    this.ctx.assertOpen(operation);
    const image = this.ctx.images.get(this.hash);
    if (!image) throw figmaError(operation, `Image with hash ${this.hash} does not exist`);
    return image;
  }

  /** A copy of the original bytes. */
  async getBytesAsync(): Promise<Uint8Array> {
    return this.stored('getBytesAsync').bytes.slice();
  }

  async getSizeAsync(): Promise<{ width: number; height: number }> {
    const { width, height } = this.stored('getSizeAsync');
    return { width, height };
  }
}
