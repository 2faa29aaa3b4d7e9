/**
 * What the Figma double offers besides the document: images (size and type checks, SHA-1 hashes), clientStorage and
 * its quota, UI messaging with the panel, notifications, the viewport and the current user.
 */
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../core/sha1.js';
import {
  CLIENT_STORAGE_LIMIT_BYTES,
  createFakeUiPanel,
  createFigmaDouble,
  createSampleDocument,
  solidPngBytes,
} from '../../dev/figma-double/index.js';

/** A PNG header claiming a size, without pixel data (enough for Figma's size check). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

describe('images', () => {
  it.each([
    ['4096 × 4096', pngHeader(4096, 4096), null],
    ['4096 × 1', pngHeader(4096, 1), null],
    ['4097 wide', pngHeader(4097, 100), 'in createImage: Image is too large'],
    ['4097 tall', pngHeader(100, 4097), 'in createImage: Image is too large'],
    ['text', new TextEncoder().encode('hello, not an image'), 'in createImage: Image type is unsupported'],
    [
      'a WebP',
      new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0\0\0\0\0\0\0'),
      'in createImage: Image type is unsupported',
    ],
  ])('createImage with %s', (_case, bytes, error) => {
    const { figma } = createFigmaDouble();
    if (error) expect(() => figma.createImage(bytes)).toThrow(error);
    else expect(figma.createImage(bytes).hash).toMatch(/^[0-9a-f]{40}$/);
  });

  it('hashes with SHA-1, keeps bytes and size, and finds images by hash', async () => {
    expect(sha1Hex(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(new Uint8Array(0))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    const { figma } = createFigmaDouble();
    const bytes = solidPngBytes(30, 20, [1, 2, 3, 255]);
    const image = figma.createImage(bytes);
    expect(image.hash).toBe(sha1Hex(bytes));
    expect(figma.createImage(bytes.slice()).hash).toBe(image.hash);
    expect(await image.getBytesAsync()).toEqual(bytes);
    expect(await image.getSizeAsync()).toEqual({ width: 30, height: 20 });
    expect(figma.getImageByHash(image.hash)?.hash).toBe(image.hash);
    expect(figma.getImageByHash('0'.repeat(40))).toBeNull();
    await expect(figma.createImageAsync('https://example.com/a.png')).rejects.toThrow(
      /Network access is not available/,
    );
  });
});

describe('clientStorage', () => {
  it('round-trips structured values as copies', async () => {
    const { figma } = createFigmaDouble();
    const value = { token: 'abc', when: new Date(0), bytes: Uint8Array.of(1, 2, 3), nested: [1, { a: null }] };
    await figma.clientStorage.setAsync('settings', value);
    value.token = 'changed';
    const back = (await figma.clientStorage.getAsync('settings')) as typeof value;
    expect(back).toEqual({ token: 'abc', when: new Date(0), bytes: Uint8Array.of(1, 2, 3), nested: [1, { a: null }] });
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(await figma.clientStorage.keysAsync()).toEqual(['settings']);
    expect(await figma.clientStorage.getAsync('missing')).toBeUndefined();
    await figma.clientStorage.deleteAsync('settings');
    expect(await figma.clientStorage.keysAsync()).toEqual([]);
    await expect(figma.clientStorage.setAsync('fn', () => 1)).rejects.toThrow(/Cannot store/);
  });

  it('refuses writes past 5 MB in total', async () => {
    const double = createFigmaDouble();
    const storage = double.figma.clientStorage;
    await storage.setAsync('a', new Uint8Array(CLIENT_STORAGE_LIMIT_BYTES - 3)); // + 1 byte of key
    expect(double.clientStorageBytes()).toBe(CLIENT_STORAGE_LIMIT_BYTES - 2);
    await storage.setAsync('b', true); // 1 byte of key + 1 byte of value: exactly at the limit
    expect(double.clientStorageBytes()).toBe(CLIENT_STORAGE_LIMIT_BYTES);
    await expect(storage.setAsync('c', 'xy')).rejects.toThrow(/clientStorage quota exceeded/);
    await storage.setAsync('a', new Uint8Array(10)); // replacing frees space
    await storage.setAsync('c', 'xy');
    expect(await storage.keysAsync()).toEqual(['a', 'b', 'c']);
  });

  it('starts from the given contents', async () => {
    const { figma } = createFigmaDouble({ clientStorage: { token: 't-1' } });
    expect(await figma.clientStorage.getAsync('token')).toBe('t-1');
  });
});

describe('UI messaging', () => {
  it('queues messages until the panel is ready, then delivers clones in order', async () => {
    const panel = createFakeUiPanel({ ready: false });
    const double = createFigmaDouble({ ui: panel });
    const { figma } = double;
    figma.showUI('<p>panel</p>', { width: 320, height: 480, themeColors: true });
    const message = { type: 'HELLO', bytes: Uint8Array.of(1, 2, 3) };
    figma.ui.postMessage(message);
    figma.ui.postMessage({ type: 'SECOND' });
    message.type = 'MUTATED';
    await double.flushAsync();
    expect(panel.received).toEqual([]);
    panel.markReady();
    await double.flushAsync();
    expect(panel.received).toEqual([{ type: 'HELLO', bytes: Uint8Array.of(1, 2, 3) }, { type: 'SECOND' }]);
    expect((panel.received[0] as typeof message).bytes).not.toBe(message.bytes);
    expect(panel.shown?.html).toBe('<p>panel</p>');
    expect(panel.size).toEqual({ width: 320, height: 480 });
  });

  it('delivers UI messages to onmessage and on("message") asynchronously, with origin', async () => {
    const panel = createFakeUiPanel();
    const double = createFigmaDouble({ ui: panel });
    const { figma } = double;
    figma.showUI('<p/>');
    const got: unknown[] = [];
    figma.ui.onmessage = (msg, props) => got.push(['onmessage', msg, props.origin]);
    figma.ui.once('message', (msg) => got.push(['once', msg]));
    const sent = { type: 'PING', n: 1 };
    panel.post(sent);
    panel.post({ type: 'PING', n: 2 });
    expect(got).toEqual([]);
    await double.flushAsync();
    expect(got).toEqual([
      ['onmessage', { type: 'PING', n: 1 }, 'null'],
      ['once', { type: 'PING', n: 1 }],
      ['onmessage', { type: 'PING', n: 2 }, 'null'],
    ]);
    expect(got[0]).not.toContain(sent);
  });

  it.each([
    ['Float32Array', new Float32Array(2)],
    ['ArrayBuffer', new ArrayBuffer(4)],
    ['Uint16Array inside an object', { deep: [{ data: new Uint16Array(1) }] }],
  ])('refuses to send %s either way', async (_case, payload) => {
    const panel = createFakeUiPanel();
    const double = createFigmaDouble({ ui: panel });
    double.figma.showUI('<p/>');
    expect(() => double.figma.ui.postMessage(payload)).toThrow(/Only Uint8Array may be sent/);
    expect(() => panel.post(payload)).toThrow(/Only Uint8Array may be sent/);
  });

  it('records size and visibility, refuses posts before showUI, and closes with the plugin', async () => {
    const panel = createFakeUiPanel();
    const double = createFigmaDouble({ ui: panel });
    const { figma } = double;
    expect(() => figma.ui.postMessage('x')).toThrow(/Call figma.showUI\(\) first/);
    figma.showUI('<p/>', { visible: false });
    expect(double.ui.visible).toBe(false);
    figma.ui.show();
    figma.ui.resize(10, 500);
    expect([double.ui.visible, double.ui.width, double.ui.height]).toEqual([true, 70, 500]);
    expect([panel.visible, panel.size]).toEqual([true, { width: 70, height: 500 }]);
    figma.closePlugin();
    expect(panel.closed).toBe(true);
    expect(double.ui.open).toBe(false);
  });
});

describe('notify and viewport', () => {
  it('records notifications, cut to 100 characters', () => {
    const double = createFigmaDouble();
    const dequeued: string[] = [];
    double.figma
      .notify('x'.repeat(150), { error: true, timeout: 5000, onDequeue: (reason) => dequeued.push(reason) })
      .cancel();
    double.figma.notify('Done');
    expect(double.notifications).toEqual([
      { message: 'x'.repeat(100), timeout: 5000, error: true, buttonText: null, cancelled: true },
      { message: 'Done', timeout: 3000, error: false, buttonText: null, cancelled: false },
    ]);
    expect(dequeued).toEqual(['dismiss']);
  });

  it('records scrollAndZoomIntoView and centres on the nodes', () => {
    const double = createFigmaDouble();
    const { figma } = double;
    const { productShot } = createSampleDocument(figma);
    figma.viewport.scrollAndZoomIntoView([productShot]);
    expect(double.scrolledIntoView).toEqual([[productShot.id]]);
    expect(figma.viewport.center).toEqual({ x: 940, y: 300 });
    const { bounds, zoom } = figma.viewport;
    expect(bounds.width * zoom).toBeCloseTo(1440);
    expect(bounds.x).toBeLessThanOrEqual(640);
    expect(bounds.x + bounds.width).toBeGreaterThanOrEqual(1240);
  });

  it('has a configurable current user, possibly null', () => {
    expect(createFigmaDouble().figma.currentUser?.name).toBe('Dana Designer');
    const teammate = { id: '42', name: 'Sam', photoUrl: null, color: '#F24822', sessionId: 7 };
    expect(createFigmaDouble({ currentUser: teammate }).figma.currentUser).toEqual(teammate);
    expect(createFigmaDouble({ currentUser: null }).figma.currentUser).toBeNull();
  });
});
