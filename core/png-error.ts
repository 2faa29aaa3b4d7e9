/** The one error the PNG codec (core/png.ts) throws for bytes it cannot read or sizes it will not make. */

/** Thrown for bytes that are not a PNG we can read; the message says what is wrong. */
export class PngError extends Error {
  override name = 'PngError';
}
