/**
 * The fields every sandbox ⇄ panel message is built from (core/messages.ts): request ids, layer ids, image bytes,
 * pixel sizes and the error a reply carries. Uses `zod/mini` so the sandbox bundle stays small.
 */
import * as z from 'zod/mini';
import { ERROR_STATUS, type ErrorCode } from './errors.js';
import { MAX_FIGMA_IMAGE_SIDE } from './export-plan.js';

/** True for a `Uint8Array`, also one made in another realm (the iframe and the sandbox each have their own). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** The number that pairs a request with its one REPLY. */
export const requestId = z.int().check(z.nonnegative());
/** A Figma layer id, as the sandbox sends it and the panel sends it back. */
export const nodeId = z.string().check(z.minLength(1), z.maxLength(200));
/** Image bytes; a `Uint8Array` from either realm (docs/figma-platform.md#little-memory-in-the-sandbox). */
export const bytes = z.custom<Uint8Array>(isUint8Array, 'expected image bytes as a Uint8Array');
/** A side of an image in pixels, as large as Figma takes. */
export const pixels = z.int().check(z.gte(1), z.lte(MAX_FIGMA_IMAGE_SIDE));

/** An error from the one table (core/errors.ts), as a failed REPLY or an ERROR carries it. */
export const appErrorSchema = z.object({
  code: z.custom<ErrorCode>(
    (v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, v),
    'unknown error code',
  ),
  message: z.string(),
});

/** True when `A` and `B` are the same union: the type-level checks that keep the message lists in step. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
