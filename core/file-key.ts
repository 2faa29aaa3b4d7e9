/**
 * The file's own key: a random id kept once per file in document plugin data on `figma.root`
 * (docs/figma-platform.md#plugin-data), so everyone on the team who opens the file reads the same key. The proxy's
 * Batch API jobs name the file they belong to by it (`fileKey` in core/batch-schema.ts), so the panel shows a
 * person's finished jobs when that file is opened again. Figma's own `figma.fileKey` is given only to private
 * plugins, so the plugin makes its own.
 */
import * as z from 'zod/mini';

/** The document plugin data key that holds the file's key. */
export const FILE_KEY_KEY = 'banana.fileKey';

/** "f_" and 24 lowercase hex digits. */
export const fileKeySchema = z.string().check(z.regex(/^f_[0-9a-f]{24}$/, 'a file key is "f_" and 24 hex digits'));

/** A new file key from a source of random numbers in [0, 1) (the sandbox has no crypto). */
export function newFileKey(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 24; i++) hex += Math.floor(random() * 16).toString(16);
  return `f_${hex}`;
}
