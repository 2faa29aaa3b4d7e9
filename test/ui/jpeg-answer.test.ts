/**
 * A JPEG answer (what Gemini 3 sends, docs/gemini-double.md) through the real panel and sandbox in Node: placed as
 * the very bytes the model sent when it needs no crop and no scale, and fitted into a PNG when it does (a frame of
 * another aspect, or more than Figma's 4096 px a side).
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { createImage, decodePng, type RgbaImage } from '../../core/png.js';
import { generateResultAsync, usePanelHarness } from '../support/panel-harness.js';
import type { PanelSession } from './panel-session.js';

const harness = usePanelHarness();

/** A JPEG at quality 90 of a picture with detail in both directions, so a crop or a scale changes its bytes. */
function jpegOf(width: number, height: number): Uint8Array {
  const image: RgbaImage = createImage(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      image.data.set([(x * 255) / width, (y * 255) / height, (x ^ y) & 0xff, 255], (y * width + x) * 4);
    }
  }
  return jpeg.encode(image, 90).data;
}

/** Answers every generate with `bytes` as `image/jpeg`. */
function answerWith(bytes: Uint8Array, width: number, height: number): void {
  harness.proxy.onGenerate = () => ({ status: 200, jpeg: bytes, width, height });
}

/** The bytes of the IMAGE fill the placed result shows. */
async function placedBytesAsync(session: PanelSession, nodeId: string): Promise<Uint8Array> {
  const node = session.double.figma.currentPage.findOne((n) => n.id === nodeId) as FrameNode;
  const fill = (node.fills as readonly Paint[]).find((p) => p.type === 'IMAGE') as ImagePaint;
  const image = session.double.figma.getImageByHash(fill.imageHash!);
  return image!.getBytesAsync();
}

describe('a JPEG answer', () => {
  it('text to image: the image fill is the JPEG Gemini sent, byte for byte', async () => {
    const session = await harness.openPanelAsync(() => []);
    const answer = jpegOf(1024, 1024);
    answerWith(answer, 1024, 1024);
    const result = await generateResultAsync(session, 'a jpeg lighthouse');
    const placed = await placedBytesAsync(session, result.nodeId);
    expect(Buffer.from(placed).equals(Buffer.from(answer))).toBe(true);
  });

  it('an edit whose frame takes the answer as it is (1:1 at 1K): byte for byte too', async () => {
    const session = await harness.openPanelAsync((s) => [s.productShot]);
    const answer = jpegOf(1024, 1024);
    answerWith(answer, 1024, 1024);
    const result = await generateResultAsync(session, 'a jpeg product');
    expect(harness.proxy.calls.at(-1)?.body).toMatchObject({ aspectRatio: '1:1', imageSize: '1K' });
    const placed = await placedBytesAsync(session, result.nodeId);
    expect(Buffer.from(placed).equals(Buffer.from(answer))).toBe(true);
  });

  it('a frame of another aspect: cropped to the frame, placed as a PNG of the fitted size', async () => {
    const session = await harness.openPanelAsync((s) => [s.poster]); // 540 × 675, 4:5 exactly
    const answer = jpegOf(928, 1152); // 3.1 Flash's 4:5 at 1K is 0.806, not 0.8
    answerWith(answer, 928, 1152);
    const result = await generateResultAsync(session, 'a jpeg poster');
    const placed = await placedBytesAsync(session, result.nodeId);
    expect(readImageHeader(placed)).toEqual({ mimeType: 'image/png', width: 922, height: 1152 });
    // The crop is centred: 3 columns off each side of the answer, its pixels otherwise where they were.
    const pixels = decodePng(placed);
    const source = jpeg.decode(answer, { useTArray: true, formatAsRGBA: true });
    const at = (image: { width: number; data: Uint8Array }, x: number, y: number) =>
      Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));
    for (const [x, y] of [
      [0, 0],
      [460, 576],
      [921, 1151],
    ] as const) {
      expect(at(pixels, x, y)).toEqual(at(source, x + 3, y));
    }
  });

  it('wider than Figma takes (8:1 at 2K, 6144 px): scaled down to 4096 and placed as a PNG', async () => {
    const session = await harness.openPanelAsync(() => []);
    answerWith(jpegOf(6144, 768), 6144, 768);
    const result = await generateResultAsync(session, 'a jpeg panorama');
    const placed = await placedBytesAsync(session, result.nodeId);
    expect(readImageHeader(placed)).toEqual({ mimeType: 'image/png', width: 4096, height: 512 });
  });
});
