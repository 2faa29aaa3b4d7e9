/**
 * The matte from two renders (docs/image-tools.md#how-the-matte-is-made), when no segmentation model answers:
 * two image edits of the source through `POST /v1/generate` (so the cache, the limits, the usage rows and Cancel are
 * as for any call), in parallel, one asking for everything but the subject pure white and one pure black
 * (core/matte-render-instruction.ts); the alpha is read from the pair (core/two-render-matte.ts). A failure of either
 * ends the cut-out with nothing placed, and says what the pair may have cost and that a finished render is kept.
 */
import { matteCoverage } from '../../core/apply-matte.js';
import { nearestAspectRatio } from '../../core/aspect.js';
import { formatUsd } from '../../core/cost-estimate.js';
import { renderSizeOf } from '../../core/cut-out-method.js';
import { toolError } from '../../core/tool-error.js';
import type { ImageSize } from '../../core/image-sizes.js';
import { appError, type AppError } from '../../core/errors.js';
import { backdropInstruction, type Backdrop, type RenderKeep } from '../../core/matte-render-instruction.js';
import type { PublicModel } from '../../core/models-response.js';
import type { GenerateResponse, Usage } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { RgbaImage } from '../../core/rgba-image.js';
import { sha1Hex } from '../../core/sha1.js';
import { twoRenderAlpha } from '../../core/two-render-matte.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { AppDeps } from './deps.js';
import type { Run } from './run.js';
import { callToolAsync, type ToolCall } from './tool-call.js';
import { createTurnExports } from './turn-exports.js';

/** The longest side sent to the image model: enough for a 1K render, and the input costs the same at any size. */
export const RENDER_SEND_MAX_SIDE = 2048;

/** A matte ready to apply, with what the turn record keeps of how it was made. */
export interface MadeMatte {
  alpha: Uint8Array;
  model: string;
  usage: Usage & { cached?: true };
  params: { aspectRatio: string; imageSize: ImageSize };
  /** The hash of the image sent. */
  sentHash: string;
}

type Rendered = { answer: GenerateResponse; bytes: Uint8Array };

/** Both renders of `source` with `model`, and the matte from them at the source's pixels. */
export async function twoRenderMatteAsync(
  deps: AppDeps,
  run: Run,
  source: RgbaImage,
  model: PublicModel,
  keep: RenderKeep,
): Promise<Result<MadeMatte>> {
  const codec = deps.pixels ?? pureCodec;
  const scale = Math.min(1, RENDER_SEND_MAX_SIDE / Math.max(source.width, source.height));
  const whole = { x: 0, y: 0, width: source.width, height: source.height };
  const encoded = await codec.encodeToSend(
    source,
    whole,
    Math.max(1, Math.round(source.width * scale)),
    Math.max(1, Math.round(source.height * scale)),
  );
  const sent = await createTurnExports(deps).fitAsync(encoded);
  if (!sent.ok) return sent;
  const aspectRatio = nearestAspectRatio(source.width, source.height, model.aspectRatios);
  const imageSize = renderSizeOf(model);
  const call = (backdrop: Backdrop): ToolCall => ({
    model: model.id,
    prompt: backdropInstruction(backdrop, keep),
    image: sent.value,
    aspectRatio,
    imageSize,
  });
  const [white, black] = await Promise.all([
    callToolAsync(deps, run, call('white')),
    callToolAsync(deps, run, call('black')),
  ]);
  if (!white.ok || !black.ok)
    return fail(pairFailure(white, black, keep.kind === 'subject' ? 'remove-background' : 'isolate'));
  const pixels = await Promise.all([decodeRender(deps, white.value), decodeRender(deps, black.value)]);
  const [onWhite, onBlack] = pixels;
  if (!onWhite.ok) return onWhite;
  if (!onBlack.ok) return onBlack;
  const alpha = twoRenderAlpha(onWhite.value, onBlack.value, source.width, source.height);
  const covered = emptyMatteError(alpha, sumUsd(white.value.answer, black.value.answer));
  if (covered) return fail(covered);
  return ok({
    alpha,
    model: white.value.answer.model,
    usage: sumUsage(white.value.answer, black.value.answer),
    params: { aspectRatio, imageSize },
    sentHash: sha1Hex(sent.value),
  });
}

async function decodeRender(deps: AppDeps, rendered: Rendered): Promise<Result<RgbaImage>> {
  const { width, height } = rendered.answer.image;
  return (deps.pixels ?? pureCodec).decodePatch(rendered.bytes, width, height);
}

/** What a billed answer cost (nothing when it came from the cache). */
function billedUsd(answer: GenerateResponse): number {
  return answer.cached ? 0 : answer.usage.costUsd;
}

function sumUsd(a: GenerateResponse, b: GenerateResponse): number {
  return billedUsd(a) + billedUsd(b);
}

/** The two calls' usage together: the turn's cost is their sum. */
function sumUsage(a: GenerateResponse, b: GenerateResponse): Usage & { cached?: true } {
  return {
    inputTokens: a.usage.inputTokens + b.usage.inputTokens,
    outputTokens: a.usage.outputTokens + b.usage.outputTokens,
    totalTokens: a.usage.totalTokens + b.usage.totalTokens,
    costUsd: Math.round((a.usage.costUsd + b.usage.costUsd) * 1_000_000) / 1_000_000,
    ...(a.cached && b.cached ? { cached: true as const } : {}),
  };
}

/**
 * The error of a pair where one call (or both) failed: the first failure, with what both may have cost, and the word
 * that a finished render is not lost (the proxy's cache answers the same call again for free when it is on).
 */
function pairFailure(
  white: Result<Rendered>,
  black: Result<Rendered>,
  tool: 'remove-background' | 'isolate',
): AppError {
  const first = !white.ok ? white.error : !black.ok ? black.error : appError('internal_error');
  if (first.code === 'cancelled') return first;
  // In the tool's words (core/tool-error.ts), which end "so nothing was added" when they reword it.
  const failed = toolError(tool, first);
  const done = white.ok
    ? { name: 'white', value: white.value }
    : black.ok
      ? { name: 'black', value: black.value }
      : null;
  const doneUsd = done ? billedUsd(done.value.answer) : 0;
  const failedUsd = [white, black].reduce((sum, r) => sum + (!r.ok ? (r.error.mayHaveBilledUsd ?? 0) : 0), 0);
  const total = Math.round((doneUsd + failedUsd) * 1_000_000) / 1_000_000;
  const kept = !done
    ? ''
    : done.value.answer.cached
      ? ` The render on ${done.name} came from the proxy's cache, free.`
      : ` The render on ${done.name} finished (${formatUsd(doneUsd)}); press again and the proxy's cache, when on, gives it back free.`;
  return {
    ...failed,
    message: `${failed.message}${kept}${failed === first ? ' Nothing was changed.' : ''}`,
    ...(total > 0 ? { mayHaveBilledUsd: total } : {}),
  };
}

/** Why a matte cannot be used: no background was replaced, or no subject was kept. */
function emptyMatteError(alpha: Uint8Array, paidUsd: number): AppError | null {
  const { clear, opaque } = matteCoverage(alpha);
  const paid = paidUsd > 0 ? { mayHaveBilledUsd: Math.round(paidUsd * 1_000_000) / 1_000_000 } : {};
  if (clear === 0) {
    const message =
      'Gemini did not replace the background in its two renders, so nothing could be cut out. Nothing was changed; try again.';
    return { ...appError('no_image_returned', message), ...paid };
  }
  if (opaque === 0) {
    const message = 'Gemini kept no subject in its two renders, so nothing could be cut out. Nothing was changed.';
    return { ...appError('no_image_returned', message), ...paid };
  }
  return null;
}
