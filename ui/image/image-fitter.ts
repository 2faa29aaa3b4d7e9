/** The image step of a turn, as the actions see it: the browser does it with a canvas, tests without one. */
import type { Result } from '../../core/result.js';
import type { TargetSize } from './fit-plan.js';

/** A fitted result: PNG bytes of at most 4096 px a side. */
export interface FittedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Decodes `bytes`, fits them to `target` per {@link planFit}, and encodes PNG. */
export type ImageFitter = (
  bytes: Uint8Array,
  mimeType: string,
  target: TargetSize | null,
) => Promise<Result<FittedImage>>;
