/**
 * `figma.clientStorage` (`ClientStorageAPI`): per user and plugin, async, structured-clone values (Uint8Array
 * included), 5 MB in total (docs/figma-platform.md#clientstorage). Values are cloned on the way in and out, so callers
 * can't change what is stored.
 */
import { figmaError } from '../errors.js';
import type { DoubleContext } from './context.js';

/** Total clientStorage a plugin gets. */
export const CLIENT_STORAGE_LIMIT_BYTES = 5 * 1024 * 1024;

const encoder = new TextEncoder();

/** Approximate stored size of a value: UTF-8 text, raw bytes for binary data, 8 bytes for numbers and dates. */
export function storedSize(value: unknown, seen: Set<object> = new Set()): number {
  if (typeof value === 'string') return encoder.encode(value).length;
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Date) return 8;
  if (value instanceof Map) {
    let n = 0;
    for (const [k, v] of value) n += storedSize(k, seen) + storedSize(v, seen);
    return n;
  }
  if (value instanceof Set) {
    let n = 0;
    for (const v of value) n += storedSize(v, seen);
    return n;
  }
  let n = 0;
  for (const [k, v] of Object.entries(value)) n += encoder.encode(k).length + storedSize(v, seen);
  return n;
}

/** The clientStorage object. */
export class ClientStorageDouble implements ClientStorageAPI {
  private readonly data = new Map<string, unknown>();

  constructor(
    private readonly ctx: DoubleContext,
    initial: Record<string, unknown> = {},
  ) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, structuredClone(v));
  }

  /** Bytes in use (keys and values). */
  usedBytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += encoder.encode(k).length + storedSize(v);
    return n;
  }

  /** A copy of everything stored (test helper). */
  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.data));
  }

  async getAsync(key: string): Promise<unknown> {
    this.check('getAsync', key);
    return this.data.has(key) ? structuredClone(this.data.get(key)) : undefined;
  }

  async setAsync(key: string, value: unknown): Promise<void> {
    this.check('setAsync', key);
    let copy: unknown;
    try {
      copy = structuredClone(value);
    } catch (error) {
      throw figmaError('setAsync', `Cannot store this value: ${(error as Error).message}`);
    }
    const old = this.data.has(key) ? encoder.encode(key).length + storedSize(this.data.get(key)) : 0;
    const total = this.usedBytes() - old + encoder.encode(key).length + storedSize(copy);
    if (total > CLIENT_STORAGE_LIMIT_BYTES) {
      throw figmaError(
        'setAsync',
        `clientStorage quota exceeded: this write would use ${total} bytes; a plugin may store at most 5 MB ` +
          `(${CLIENT_STORAGE_LIMIT_BYTES} bytes)`,
      );
    }
    this.data.set(key, copy);
  }

  async deleteAsync(key: string): Promise<void> {
    this.check('deleteAsync', key);
    this.data.delete(key);
  }

  async keysAsync(): Promise<string[]> {
    this.ctx.assertOpen('keysAsync');
    return [...this.data.keys()];
  }

  private check(operation: string, key: unknown): void {
    this.ctx.assertOpen(operation);
    if (typeof key !== 'string') throw figmaError(operation, 'Expected "key" to be a string');
  }
}
