/**
 * The input step of `POST /v1/segment` (docs/proxy-api.md#post-v1segment): the body as the strict schema says
 * (core/segment-schema.ts), the image within the backend's inline limit, and the registry's segmentation model.
 */
import type { Context } from 'hono';
import { inlineImageMaxBytes } from '../core/input-limits.js';
import { describeIssue } from '../core/proxy-schema.js';
import { segmentRequestSchema, type SegmentRequest } from '../core/segment-schema.js';
import type { SegmentationModel } from '../core/segmentation-model.js';
import type { AppContext } from './app-context.js';
import type { AppEnv } from './app-env.js';
import { readBodyText } from './generate-input.js';
import { ProxyError } from './proxy-error.js';

/** The request, checked; throws `bad_request` or `image_too_large` in plain words. */
export async function readSegmentRequest(ctx: AppContext, c: Context<AppEnv>): Promise<SegmentRequest> {
  if (!(c.req.header('content-type') ?? '').includes('application/json')) {
    throw new ProxyError('bad_request', 'Send the request as JSON with "Content-Type: application/json".');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readBodyText(c));
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = segmentRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ProxyError('bad_request', `The request is not valid: ${describeIssue(parsed.error)}.`);
  const bytes = Math.floor((parsed.data.image.data.length * 3) / 4);
  const limit = inlineImageMaxBytes(ctx.config.backend.kind);
  if (bytes > limit) {
    throw new ProxyError(
      'image_too_large',
      `The image is ${(bytes / 1e6).toFixed(1)} MB; this proxy's Gemini backend takes at most ${(limit / 1e6).toFixed(0)} MB. Send it smaller.`,
    );
  }
  return parsed.data;
}

/** The registry's segmentation model, or `model_unavailable` when the proxy has none or its key cannot reach it. */
export function segmentationModelOf(ctx: AppContext): SegmentationModel {
  const model = ctx.registry.segmentation;
  if (!model) {
    throw new ProxyError(
      'model_unavailable',
      'This proxy has no segmentation model configured, so it cannot remove backgrounds. Ask your admin to add one to the model registry.',
    );
  }
  if (ctx.availability.unreachable().has(model.id)) {
    throw new ProxyError(
      'model_unavailable',
      `${model.label} is not available to this proxy's Gemini key, so Remove background uses two renders instead.`,
    );
  }
  return model;
}
