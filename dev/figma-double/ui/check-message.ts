/**
 * What may cross between the sandbox and the UI: structured-clone data where "you cannot send `Blob` objects,
 * `ArrayBuffer`s or `TypedArray` objects other than `Uint8Array`" (docs/figma-platform.md#messages).
 */
import { figmaError } from '../errors.js';

/** Throws for a value Figma would refuse to send; otherwise returns a structured clone of it. */
export function cloneMessage(message: unknown, operation: string): unknown {
  rejectUnsendable(message, operation, new Set());
  try {
    return structuredClone(message);
  } catch (error) {
    throw figmaError(operation, `Cannot send this message: ${(error as Error).message}`);
  }
}

function rejectUnsendable(value: unknown, operation: string, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const refuse = (what: string): never => {
    throw figmaError(
      operation,
      `Cannot send ${what}. Only Uint8Array may be sent between the plugin and its UI ` +
        '(no Blob, ArrayBuffer or TypedArray other than Uint8Array).',
    );
  };
  if (ArrayBuffer.isView(value)) {
    if (!(value instanceof Uint8Array)) refuse(value.constructor.name);
    return;
  }
  if (value instanceof ArrayBuffer) refuse('an ArrayBuffer');
  if (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer) refuse('a SharedArrayBuffer');
  if (typeof Blob !== 'undefined' && value instanceof Blob) refuse('a Blob');
  if (value instanceof Map) {
    for (const [k, v] of value) {
      rejectUnsendable(k, operation, seen);
      rejectUnsendable(v, operation, seen);
    }
    return;
  }
  if (value instanceof Set) {
    for (const v of value) rejectUnsendable(v, operation, seen);
    return;
  }
  for (const v of Object.values(value)) rejectUnsendable(v, operation, seen);
}
