/**
 * The upstream step of `POST /v1/generate`: wait for a fair share of the upstream slots, then call Gemini with
 * retries inside the model's timeout. A 404 for the model means the key lost it since the last check: the check
 * runs again, and the answer names the replacement.
 */
import type { Context } from 'hono';
import type { GenerateRequest } from '../core/proxy-schema.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { callWithRetries } from './call-with-retries.js';
import type { GeneratePlan } from './generate-plan.js';
import type { PreparedImage } from './prepared-images.js';
import type { GeminiInputPart, GeminiProgress, GeminiResponse } from './gemini-port.js';
import { modelUnavailableError } from './model-availability.js';
import { ProxyError } from './proxy-error.js';

/** A live call's extras (routes/generate-stream.ts): its client's signal, and who hears the stream's steps. */
export interface LiveCall {
  /** Aborted when the client of the event stream goes away. */
  signal: AbortSignal;
  onProgress: (progress: GeminiProgress) => void;
}

/**
 * Gemini's answer to the planned call; `onAttempt` hears each attempt's number (retries included). With `live` the
 * call is streamed and its steps reported (interim images only where the model thinks: Gemini 3).
 */
export async function callUpstream(
  ctx: AppContext,
  c: Context<AppEnv>,
  plan: GeneratePlan,
  onAttempt: (attempt: number) => void,
  live?: LiveCall,
): Promise<GeminiResponse> {
  const { model, imageSize, request, history } = plan;
  const clientSignal = live?.signal ?? c.req.raw.signal;
  const release = await ctx.queue.acquire(c.get('owner').id, clientSignal);
  try {
    // The timeout runs from when the call may start, not from arrival: time spent queued is the proxy's doing.
    const timeoutMs = (model.timeoutSeconds[imageSize] ?? 120) * 1000 * ctx.config.timeoutScale;
    const parts = toParts(request, plan.images);
    return await callWithRetries(
      (signal) =>
        ctx.gemini.generateImage({
          model: model.id,
          ...(history.length > 0 ? { history: history.map((h) => h.content) } : {}),
          parts,
          ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
          // Models without a size knob reject imageSize: only send it where the model has sizes.
          ...(model.imageSizes.length > 0 ? { imageSize } : {}),
          ...(live ? { onProgress: live.onProgress, includeThoughts: model.thoughtSignatures } : {}),
          signal,
        }),
      {
        policy: ctx.config.retry,
        deadline: performance.now() + timeoutMs,
        signal: clientSignal,
        onAttempt,
        onTimeout: () =>
          new ProxyError(
            'upstream_timeout',
            `Gemini did not answer within ${describeSeconds(timeoutMs / 1000)}. Try again, or use a smaller size.`,
          ),
      },
    );
  } catch (error) {
    if (!(error instanceof ProxyError && error.code === 'model_unavailable')) throw error;
    // Gemini says the key lost the model since the last check: check again now, and name the replacement.
    const unreachable = new Map([...ctx.availability.unreachable(), [model.id, 'Gemini answered 404']]);
    void ctx.availability.check();
    throw modelUnavailableError(ctx.registry, model, unreachable);
  } finally {
    release();
  }
}

/**
 * Input images first, in order, then the instruction: Google's examples put the text last
 * (docs/gemini-platform.md#an-edit-with-two-images).
 */
function toParts(request: GenerateRequest, images: readonly PreparedImage[]): GeminiInputPart[] {
  return [
    ...images.map((image) => ({ inlineData: { data: image.base64, mimeType: image.mimeType } })),
    { text: request.prompt },
  ];
}

function describeSeconds(seconds: number): string {
  if (seconds >= 90) return `${Math.round(seconds / 60)} minutes`;
  const whole = Math.max(1, Math.round(seconds));
  return whole === 1 ? '1 second' : `${whole} seconds`;
}
