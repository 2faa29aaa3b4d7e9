/**
 * KEEP_BATCH_NOTE and READ_BATCH_NOTE: a half-price job's note (core/batch-note.ts), kept in document plugin data on
 * `figma.root`, one entry per job, so it travels with the file. Writing it changes no layer.
 */
import { batchNoteKey, MAX_BATCH_NOTE_BYTES, parseBatchNote } from '../../core/batch-note.js';
import { appError } from '../../core/errors.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { fail, ok } from '../../core/result.js';
import { utf8Length } from '../../core/utf8-length.js';
import type { HandlerContext } from '../handler-context.js';

export const handleKeepBatchNote: UiMessageHandlers<HandlerContext>['KEEP_BATCH_NOTE'] = async (message, { figma }) => {
  // An empty value removes the entry (docs/figma-platform.md#plugin-data).
  const text = message.note ? JSON.stringify(message.note) : '';
  if (utf8Length(text) > MAX_BATCH_NOTE_BYTES) {
    return fail(
      appError(
        'request_too_large',
        'The job is at Google, but its note (prompt and layer names) is too large to keep in the file: its results ' +
          'will be placed without the prompt in their history. Use a shorter prompt next time.',
      ),
    );
  }
  figma.root.setPluginData(batchNoteKey(message.jobId), text);
  return ok(null);
};

export const handleReadBatchNote: UiMessageHandlers<HandlerContext>['READ_BATCH_NOTE'] = async (message, { figma }) =>
  ok(parseBatchNote(figma.root.getPluginData(batchNoteKey(message.jobId))));
