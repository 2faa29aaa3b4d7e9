/**
 * The matte from Gemini's segmentation masks (docs/image-tools.md#remove-background): a copy of the source at
 * most the segmentation model's side, flattened on white, goes to `POST /v1/segment`; the masks that make the matte
 * (core/matte-tool.ts) are decoded and laid over the source's pixels (core/matte-alpha.ts).
 */
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { appError } from '../../core/errors.js';
import { matteAlpha, type DecodedMask } from '../../core/matte-alpha.js';
import { labelOf, masksForMatte, type CutOut } from '../../core/matte-tool.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { decodePng } from '../../core/png.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { RgbaImage } from '../../core/rgba-image.js';
import type { SegmentMask } from '../../core/segment-schema.js';
import { sha1Hex } from '../../core/sha1.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { MadeMatte } from './cut-out-renders.js';
import type { AppDeps } from './deps.js';
import type { Run } from './run.js';

/** The segmentation matte of `source`, or why not (`model_unavailable` when the proxy's key cannot reach the model). */
export async function segmentMatteAsync(
  deps: AppDeps,
  run: Run,
  source: RgbaImage,
  cut: CutOut,
  target: NodeSnapshot,
): Promise<Result<MadeMatte>> {
  const segmentation = deps.state.matte.segmentation.peek();
  if (!segmentation) return fail(appError('model_unavailable'));
  const codec = deps.pixels ?? pureCodec;
  const scale = Math.min(1, segmentation.maxSide / Math.max(source.width, source.height));
  const whole = { x: 0, y: 0, width: source.width, height: source.height };
  const sent = await codec.encodeToSend(
    source,
    whole,
    Math.max(1, Math.round(source.width * scale)),
    Math.max(1, Math.round(source.height * scale)),
  );
  if (run.signal.aborted) return fail(appError('cancelled'));
  run.step('generating');
  const label = labelOf(cut);
  const proxy = deps.proxyFor(deps.state.settings.peek());
  const answer = await proxy.segment(
    { image: { data: bytesToBase64(sent), mimeType: 'image/png' }, ...(label ? { label } : {}) },
    run.signal,
  );
  if (!answer.ok) return answer;
  const masks = decodeMasks(masksForMatte(cut, target, answer.value.masks));
  if (!masks.ok) return masks;
  return ok({
    alpha: matteAlpha(source.width, source.height, masks.value),
    model: answer.value.model,
    usage: answer.value.usage,
    params: { aspectRatio: ratioOf(source.width, source.height), imageSize: '1K' },
    sentHash: sha1Hex(sent),
  });
}

/** The masks' probability maps, read from their PNGs (the red channel), or why none can be used. */
function decodeMasks(masks: readonly SegmentMask[]): Result<DecodedMask[]> {
  if (masks.length === 0) {
    return fail(appError('no_image_returned', 'Gemini found no subject to keep in this image. Nothing was changed.'));
  }
  try {
    return ok(
      masks.map((mask) => {
        const image = decodePng(base64ToBytes(mask.mask));
        const probability = new Uint8Array(image.width * image.height);
        for (let i = 0; i < probability.length; i++) probability[i] = image.data[i * 4]!;
        return { box: mask.box, width: image.width, height: image.height, probability };
      }),
    );
  } catch {
    return fail(appError('unsupported_image', 'Gemini sent a mask that could not be read. Try again.'));
  }
}

/** The image's ratio in lowest terms, as a turn record keeps it ("4:5"). */
function ratioOf(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  return `${width / d}:${height / d}`;
}
