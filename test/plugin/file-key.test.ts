import { describe, expect, it } from 'vitest';
import { FILE_KEY_KEY, fileKeySchema, newFileKey } from '../../core/file-key.js';
import { startPlugin, valueOf } from './harness.js';

describe("the file's key", () => {
  it('is made once, kept in document plugin data, and read back the same', async () => {
    const h = startPlugin();
    expect(h.figma.root.getPluginData(FILE_KEY_KEY)).toBe('');
    const key = valueOf(await h.requestAsync({ type: 'READ_FILE_KEY' })) as string;
    expect(fileKeySchema.safeParse(key).success).toBe(true);
    expect(h.figma.root.getPluginData(FILE_KEY_KEY)).toBe(key);
    expect(valueOf(await h.requestAsync({ type: 'READ_FILE_KEY' }))).toBe(key);
    h.close();
  });

  it('replaces a damaged key with a new valid one', async () => {
    const h = startPlugin();
    h.figma.root.setPluginData(FILE_KEY_KEY, 'not a key');
    const key = valueOf(await h.requestAsync({ type: 'READ_FILE_KEY' })) as string;
    expect(key).toMatch(/^f_[0-9a-f]{24}$/);
    expect(h.figma.root.getPluginData(FILE_KEY_KEY)).toBe(key);
    h.close();
  });

  it('is peeked at without being made: null for a file without one, the key once made', async () => {
    const h = startPlugin();
    expect(valueOf(await h.requestAsync({ type: 'PEEK_FILE_KEY' }))).toBeNull();
    expect(h.figma.root.getPluginDataKeys()).not.toContain(FILE_KEY_KEY);
    const key = valueOf(await h.requestAsync({ type: 'READ_FILE_KEY' })) as string;
    expect(valueOf(await h.requestAsync({ type: 'PEEK_FILE_KEY' }))).toBe(key);
    h.figma.root.setPluginData(FILE_KEY_KEY, 'not a key');
    expect(valueOf(await h.requestAsync({ type: 'PEEK_FILE_KEY' }))).toBeNull();
    expect(h.figma.root.getPluginData(FILE_KEY_KEY)).toBe('not a key');
    h.close();
  });

  it('draws 24 hex digits from the random source', () => {
    let n = 0;
    expect(newFileKey(() => (n++ % 16) / 16)).toBe('f_0123456789abcdef01234567');
  });
});
