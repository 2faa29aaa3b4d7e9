/**
 * What READ_HISTORY answers (core/reply-values.ts): every result layer on the current page with its turn record, or
 * why the record could not be read, and the layers first turns were made from. The history graph's input.
 */
import * as z from 'zod/mini';
import { nodeId } from './message-fields.js';
import { turnRecordSchema } from './turn-record.js';

/** Most result layers one READ_HISTORY lists (a page with more is read in page order up to this many). */
export const MAX_HISTORY_ENTRIES = 2000;

/** A result layer on the page: its record, or why it could not be read (core/history-graph.ts `HistoryEntry`). */
export const historyEntrySchema = z.union([
  z.object({ nodeId, name: z.string(), record: turnRecordSchema }),
  z.object({ nodeId, name: z.string(), damaged: z.string() }),
]);

/** Every result layer of the current page, and the layers first turns were made from (to show as sources). */
export const historySnapshotSchema = z.object({
  pageId: nodeId,
  entries: z.array(historyEntrySchema).check(z.maxLength(MAX_HISTORY_ENTRIES)),
  sources: z.array(z.object({ nodeId, name: z.string() })).check(z.maxLength(MAX_HISTORY_ENTRIES)),
});
/** The result layers of a page, as the History view reads them. */
export type HistorySnapshot = z.infer<typeof historySnapshotSchema>;
