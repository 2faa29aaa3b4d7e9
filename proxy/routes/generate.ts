/**
 * `POST /v1/generate`: one image per call (variants are parallel calls, DESIGN.md §3). Validates the body, checks
 * the request against the model's capabilities, calls Gemini with a timeout that suits the size, and answers with
 * the image, its real size, the usage and the cost.
 */
import type { Context } from 'hono';
import { readImageHeader } from '../../core/image-header.js';
import { costUsd, findModel, sizesOf, type ImageSize, type ModelInfo } from '../../core/models.js';
import {
  describeIssue,
  generateRequestSchema,
  type GenerateRequest,
  type GenerateResponse,
} from '../../core/proxy-schema.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import type { GeminiInputPart } from '../gemini-port.js';
import { ProxyError } from '../proxy-error.js';
import { readImageAnswer } from '../read-image-answer.js';

/** Largest decoded input image we forward: Vertex's inline limit is 7 MB; a Figma export at 4096² is far below. */
export const MAX_INPUT_IMAGE_BYTES = 20 * 1024 * 1024;

export function generateHandler(deps: AppDeps) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const request = await readGenerateRequest(c);
    const model = findModel(deps.registry, request.model ?? deps.registry.defaultModel);
    if (!model) {
      const ids = deps.registry.models.map((m) => m.id).join(', ');
      throw new ProxyError(
        'unknown_model',
        `The model "${request.model}" is not offered by this proxy. Use one of: ${ids}.`,
      );
    }
    c.set('logFields', { ...c.get('logFields'), model: model.id });
    const imageSize = checkCapabilities(model, request);
    const parts = toParts(request);

    const timeoutMs = (model.timeoutSeconds[imageSize] ?? 120) * 1000 * deps.config.timeoutScale;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([c.req.raw.signal, timeout]);
    let response;
    try {
      response = await deps.gemini.generateImage({
        model: model.id,
        parts,
        ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
        // Models without a size knob reject imageSize: only send it where the model has sizes.
        ...(model.imageSizes.length > 0 ? { imageSize } : {}),
        signal,
      });
    } catch (error) {
      if (timeout.aborted && !c.req.raw.signal.aborted) {
        throw new ProxyError(
          'upstream_timeout',
          `Gemini did not answer within ${describeSeconds(timeoutMs / 1000)}. Try again, or use a smaller size.`,
        );
      }
      throw error;
    }
    const answer = readImageAnswer(response);
    const inputTokens = response.usage.promptTokens;
    const totalTokens = Math.max(response.usage.totalTokens, inputTokens);
    const usage = { inputTokens, outputTokens: totalTokens - inputTokens, totalTokens };
    const body: GenerateResponse = {
      image: answer.image,
      ...(answer.text ? { text: answer.text } : {}),
      model: model.id,
      usage: { ...usage, costUsd: costUsd(model, usage) },
      cached: false,
    };
    c.set('logFields', { ...c.get('logFields'), outcome: 'ok', costUsd: body.usage.costUsd, cached: false });
    return c.json(body);
  };
}

async function readGenerateRequest(c: Context<AppEnv>): Promise<GenerateRequest> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ProxyError('bad_request', 'Send the request as JSON with "Content-Type: application/json".');
  }
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ProxyError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = generateRequestSchema.safeParse(raw);
  if (!parsed.success) throw new ProxyError('bad_request', `The request is not valid: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

/** Checks ratio, size and image count against the model; returns the size to use. */
function checkCapabilities(model: ModelInfo, request: GenerateRequest): ImageSize {
  if (request.aspectRatio && !model.aspectRatios.includes(request.aspectRatio)) {
    throw new ProxyError(
      'unsupported_parameter',
      `${model.label} does not offer the aspect ratio ${request.aspectRatio}. Use one of: ${model.aspectRatios.join(', ')}.`,
    );
  }
  const sizes = sizesOf(model);
  const imageSize = request.imageSize ?? model.defaultImageSize;
  if (!sizes.includes(imageSize)) {
    throw new ProxyError(
      'unsupported_parameter',
      `${model.label} does not offer the size ${imageSize}. Use one of: ${sizes.join(', ')}.`,
    );
  }
  const count = request.images?.length ?? 0;
  if (count > model.maxInputImages) {
    throw new ProxyError(
      'too_many_images',
      `${model.label} takes at most ${model.maxInputImages} input images; this request has ${count}. Remove some references and try again.`,
    );
  }
  return imageSize;
}

/** Input images first, in order, then the instruction (Google's examples put the text last, gemini-api.md §4b). */
function toParts(request: GenerateRequest): GeminiInputPart[] {
  const parts: GeminiInputPart[] = [];
  for (const [index, image] of (request.images ?? []).entries()) {
    const bytes = Buffer.from(image.data, 'base64');
    if (bytes.length > MAX_INPUT_IMAGE_BYTES) {
      throw new ProxyError(
        'image_too_large',
        `Image ${index + 1} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_IMAGE_BYTES / 1048576} MB. Use a smaller frame or a lower export scale.`,
      );
    }
    const header = readImageHeader(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (!header || header.mimeType === 'image/gif') {
      throw new ProxyError(
        'unsupported_image',
        `Image ${index + 1} is not a PNG, JPEG or WebP image Banana Studio can send.`,
      );
    }
    parts.push({ inlineData: { data: image.data, mimeType: header.mimeType } });
  }
  parts.push({ text: request.prompt });
  return parts;
}

function describeSeconds(seconds: number): string {
  if (seconds >= 90) return `${Math.round(seconds / 60)} minutes`;
  const whole = Math.max(1, Math.round(seconds));
  return whole === 1 ? '1 second' : `${whole} seconds`;
}
