/**
 * Remove background and Isolate object (docs/image-tools.md): the source's own pixels with a true alpha
 * channel. The source is exported at its export scale, a copy of it at most the segmentation model's side is sent to
 * `POST /v1/segment`, and Gemini's masks become the alpha (core/matte-alpha.ts) over the export's untouched pixels
 * (core/apply-matte.ts): where the subject is opaque every byte is the export's, the background's alpha is 0, the
 * edge soft. The cut-out is a new layer beside the source (or applied in place), one undo step, with a turn record
 * whose `tool` says so. A failure or Cancel ends the run with nothing placed.
 */
import { applyMatte } from '../../core/apply-matte.js';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { appError } from '../../core/errors.js';
import { matteAlpha, type DecodedMask } from '../../core/matte-alpha.js';
import { cutOutPrompt, cutOutTool, labelOf, masksForMatte, type CutOut } from '../../core/matte-tool.js';
import type { PlacedResult } from '../../core/messages.js';
import { decodePng } from '../../core/png.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { SegmentMask } from '../../core/segment-schema.js';
import { sha1Hex } from '../../core/sha1.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { AppDeps } from './deps.js';
import type { Press } from './plan-press.js';
import { startRun, type Run } from './run.js';
import { readyForTool } from './tool-press.js';
import { createTurnExports } from './turn-exports.js';

/** Runs the cut-out on the selected image unless a run is under way. Resolves when it has ended. */
export async function cutOutAsync(deps: AppDeps, cut: CutOut): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const press = readyForTool(state, cutOutPrompt(cut), cut.name === 'remove-background' ? 'none' : 'either');
  const problem = !press.ok ? press.error : cutOutProblem(deps, cut);
  if (problem || !press.ok) {
    state.error.value = problem ?? appError('bad_request');
    return;
  }
  const run = startRun(deps, 'exporting');
  const outcome = await cutOutTurnAsync(deps, run, press.value, cut);
  run.end(() => {
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = outcome.error;
  });
}

function cutOutProblem(deps: AppDeps, cut: CutOut) {
  if (!deps.state.matte.segmentation.peek()) {
    return appError('model_unavailable', 'This proxy has no segmentation model, so it cannot cut out. Ask your admin.');
  }
  if (cut.name === 'isolate' && !cut.object.trim() && !cut.shape) {
    return appError('bad_request', 'Name the object to keep ("the mug"), or draw a shape over it.');
  }
  return null;
}

async function cutOutTurnAsync(deps: AppDeps, run: Run, press: Press, cut: CutOut): Promise<Result<PlacedResult>> {
  const { signal } = run;
  const target = press.shape.target!;
  const segmentation = deps.state.matte.segmentation.peek()!;
  const codec = deps.pixels ?? pureCodec;
  const shapeId = press.shape.inputs.region?.id;
  const exported = await createTurnExports(deps).sourceAsync({
    nodeId: target.id,
    scale: press.shape.exportScale,
    hideText: false,
    hideNodeIds: shapeId ? [shapeId] : [],
  });
  if (!exported.ok) return exported;
  const source = await codec.decodeExact(exported.value.bytes);
  const scale = Math.min(1, segmentation.maxSide / Math.max(source.width, source.height));
  const whole = { x: 0, y: 0, width: source.width, height: source.height };
  const sent = await codec.encodeToSend(
    source,
    whole,
    Math.round(source.width * scale),
    Math.round(source.height * scale),
  );
  if (signal.aborted) return fail(appError('cancelled'));
  run.step('generating');
  const label = labelOf(cut);
  const proxy = deps.proxyFor(deps.state.settings.peek());
  const answer = await proxy.segment(
    { image: { data: bytesToBase64(sent), mimeType: 'image/png' }, ...(label ? { label } : {}) },
    signal,
  );
  if (!answer.ok) return answer;
  const masks = decodeMasks(masksForMatte(cut, target, answer.value.masks));
  if (!masks.ok) return masks;
  const cutOut = await codec.encodeExact(applyMatte(source, matteAlpha(source.width, source.height, masks.value)));
  if (signal.aborted) return fail(appError('cancelled'));
  run.step('placing');
  deps.state.historyCurrent.value = false;
  const { usage, model } = answer.value;
  return deps.bridge.request('PLACE_RESULT', {
    image: cutOut,
    sourceNodeId: target.id,
    ...press.pressed,
    turn: {
      prompt: press.prompt,
      model,
      params: { aspectRatio: ratioOf(source.width, source.height), imageSize: '1K' },
      inputs: [{ nodeId: target.id, role: 'base', hash: sha1Hex(sent) }],
      tool: cutOutTool(cut),
      usage,
    },
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
