/** The image step of a turn, as the actions see it: the browser does it with a canvas, tests without one. */
import type { Result } from '../../core/result.js';
import type { TargetSize } from './fit-plan.js';

/**
 * A fitted result of at most 4096 px a side: the answer's own bytes (PNG or JPEG) when it needed no crop or scale
 * (`placeableAsIs`, ui/image/fit-plan.ts), else a PNG of the fitted pixels.
 */
export interface FittedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Decodes `bytes`, fits them to `target` per `planFit` (ui/image/fit-plan.ts), and encodes PNG when it changed them. */
export type ImageFitter = (
  bytes: Uint8Array,
  mimeType: string,
  target: TargetSize | null,
) => Promise<Result<FittedImage>>;
