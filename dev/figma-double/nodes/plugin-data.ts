/**
 * Plugin data rules. "The total size of your entry (`pluginId`, `key`, `value`) cannot exceed 100 kB", and Figma now
 * enforces it: a larger write is refused with an error (docs/figma-platform.md#plugin-data). Sizes are UTF-8 bytes; the
 * double reads "100 kB" as 100 000 bytes, the stricter of the two readings, so code that fits here fits in Figma.
 */
import { figmaError } from '../errors.js';

/** Largest allowed plugin-data entry: UTF-8 bytes of pluginId (or namespace) + key + value. */
export const PLUGIN_DATA_ENTRY_LIMIT_BYTES = 100_000;

const encoder = new TextEncoder();

/** UTF-8 size of one entry as the limit counts it. */
export function pluginDataEntryBytes(owner: string, key: string, value: string): number {
  return encoder.encode(owner).length + encoder.encode(key).length + encoder.encode(value).length;
}

/** Returns a new record with `key` set to `value`, or removed when `value` is ''. Throws over the limit. */
export function writeEntry(
  record: Readonly<Record<string, string>>,
  owner: string,
  key: string,
  value: unknown,
  operation: string,
): Readonly<Record<string, string>> {
  if (typeof key !== 'string') throw figmaError(operation, 'Expected "key" to be a string');
  if (typeof value !== 'string') throw figmaError(operation, 'Expected "value" to be a string');
  const next = { ...record };
  if (value === '') {
    delete next[key];
    return next;
  }
  const size = pluginDataEntryBytes(owner, key, value);
  if (size > PLUGIN_DATA_ENTRY_LIMIT_BYTES) {
    throw figmaError(
      operation,
      `Plugin data entry is too large: ${size} bytes for key "${key}". The total size of the entry (plugin id or ` +
        `namespace, key and value) cannot exceed 100 kB (${PLUGIN_DATA_ENTRY_LIMIT_BYTES} bytes). The data was not saved.`,
    );
  }
  next[key] = value;
  return next;
}

/** Shared plugin data namespaces need at least 3 alphanumeric characters (docs/figma-platform.md#plugin-data). */
export function checkNamespace(namespace: unknown, operation: string): string {
  if (
    typeof namespace !== 'string' ||
    !/^[A-Za-z0-9_.-]*$/.test(namespace) ||
    namespace.replace(/[^A-Za-z0-9]/g, '').length < 3
  ) {
    throw figmaError(operation, 'Expected "namespace" to be at least 3 alphanumeric characters');
  }
  return namespace;
}
