/**
 * READ_FILE_KEY: the file's key (core/file-key.ts), made once and kept in document plugin data so the whole team
 * reads the same one. Writing it changes no layer.
 */
import { FILE_KEY_KEY, fileKeySchema, newFileKey } from '../../core/file-key.js';
import type { UiMessageHandlers } from '../../core/messages.js';
import { ok } from '../../core/result.js';
import type { HandlerContext } from '../handler-context.js';

export const handleReadFileKey: UiMessageHandlers<HandlerContext>['READ_FILE_KEY'] = async (_message, { figma }) => {
  const kept = figma.root.getPluginData(FILE_KEY_KEY);
  if (fileKeySchema.safeParse(kept).success) return ok(kept);
  const made = newFileKey(Math.random);
  figma.root.setPluginData(FILE_KEY_KEY, made);
  return ok(made);
};

/** PEEK_FILE_KEY: the file's key when it has a valid one, else null; writes nothing. */
export const handlePeekFileKey: UiMessageHandlers<HandlerContext>['PEEK_FILE_KEY'] = async (_message, { figma }) => {
  const kept = figma.root.getPluginData(FILE_KEY_KEY);
  return ok(fileKeySchema.safeParse(kept).success ? kept : null);
};
