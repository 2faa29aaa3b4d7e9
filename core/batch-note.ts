/**
 * The file's note of a half-price job (docs/batch-jobs.md#the-files-note): what the panel that submitted it knew
 * and the proxy does not keep, which is the designer's prompt and each source layer's name and box on the page at
 * submission. Kept in document plugin data on `figma.root`, one entry per job (well under Figma's 100 kB per entry:
 * docs/figma-platform.md#plugin-data), so whoever opens the file places the job's results with the prompt in their
 * turn records, and names a gone source and puts its result where it was.
 */
import * as z from 'zod/mini';
import { MAX_RECORD_PROMPT_CHARS } from './turn-record.js';

/**
 * Most layers one note holds: a job's most requests (`MAX_BATCH_REQUESTS` in core/batch-schema.ts, not imported: that
 * file uses the full zod, which the sandbox bundle leaves out).
 */
export const MAX_NOTE_LAYERS = 200;

/** Largest note kept, in UTF-8 bytes of its JSON: under Figma's 100 kB per plugin data entry, as a turn record. */
export const MAX_BATCH_NOTE_BYTES = 90_000;

/** Prefix of the document plugin data key of a job's note; the job's id follows. */
export const BATCH_NOTE_PREFIX = 'banana.batchJob.';

/** The plugin data key of the note of job `jobId`. */
export function batchNoteKey(jobId: string): string {
  return `${BATCH_NOTE_PREFIX}${jobId}`;
}

/** A job's id as the proxy gives it (a UUID), in a note's key. */
export const batchJobIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'a job id is letters, digits, - or _'));

const layerNoteSchema = z.object({
  name: z.string().check(z.maxLength(200)),
  /** The layer's `absoluteBoundingBox` at submission. */
  box: z.object({
    x: z.number(),
    y: z.number(),
    width: z.number().check(z.positive()),
    height: z.number().check(z.positive()),
  }),
});

export const batchNoteSchema = z.object({
  /** The designer's prompt, as a single edit's turn record keeps it. */
  prompt: z.string().check(z.minLength(1), z.maxLength(MAX_RECORD_PROMPT_CHARS)),
  /** Each source layer by id. */
  layers: z
    .record(z.string().check(z.minLength(1), z.maxLength(200)), layerNoteSchema)
    .check(z.refine((layers) => Object.keys(layers).length <= MAX_NOTE_LAYERS, 'too many layers')),
});
export type BatchNote = z.infer<typeof batchNoteSchema>;

/** The note as kept, or null when there is none or it cannot be read (the job is then placed without it). */
export function parseBatchNote(text: string): BatchNote | null {
  if (text === '') return null;
  try {
    const parsed = batchNoteSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
