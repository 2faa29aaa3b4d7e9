import { describe, expect, it } from 'vitest';
import { appError, ERROR_MESSAGES, ERROR_STATUS, isAppError, statusForCode } from '../../core/errors.js';
import { describeIssue, errorEnvelopeSchema, generateRequestSchema } from '../../core/proxy-schema.js';

const image = { data: 'iVBORw0KGgo=', mimeType: 'image/png', role: 'base' };

describe('generateRequestSchema', () => {
  it.each([
    [{ prompt: 'a red bicycle' }],
    [{ prompt: 'warmer light', model: 'gemini-3-pro-image', aspectRatio: '4:5', imageSize: '2K', images: [image] }],
    [{ prompt: 'x', images: [image, { ...image, role: 'style', mimeType: 'image/jpeg' }] }],
  ])('accepts %j', (body) => {
    expect(generateRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['no prompt', {}, 'prompt is required'],
    ['an empty prompt', { prompt: '   ' }, 'prompt: prompt is empty'],
    ['a prompt that is a number', { prompt: 5 }, 'prompt: prompt is required and must be text'],
    ['a lowercase size', { prompt: 'x', imageSize: '1k' }, 'imageSize: imageSize must be one of 512, 1K, 2K, 4K'],
    ['a bad ratio', { prompt: 'x', aspectRatio: '16/9' }, 'aspectRatio: aspectRatio must look like "16:9"'],
    ['a bad role', { prompt: 'x', images: [{ ...image, role: 'mask' }] }, 'images.0.role: role must be one of'],
    [
      'non-base64 data',
      { prompt: 'x', images: [{ ...image, data: 'not base64!' }] },
      'images.0.data: image data must be base64',
    ],
    ['a GIF', { prompt: 'x', images: [{ ...image, mimeType: 'image/gif' }] }, 'images.0.mimeType: mimeType must be'],
    ['an unknown field', { prompt: 'x', candidateCount: 2 }, 'unknown field "candidateCount"'],
    ['15 images', { prompt: 'x', images: new Array(15).fill(image) }, 'images: at most 14 images'],
  ])('rejects %s, naming the field', (_name, body, message) => {
    const result = generateRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(describeIssue(result.error!)).toContain(message);
  });
});

describe('errors', () => {
  it('gives every code a plain message and a status', () => {
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) {
      expect(ERROR_MESSAGES[code].length).toBeGreaterThan(20);
      expect(ERROR_MESSAGES[code]).toMatch(/\.$/);
      expect(statusForCode(code)).toBeGreaterThanOrEqual(400);
    }
  });

  it.each([
    ['safety_blocked', 422],
    ['upstream_rate_limited', 429],
    ['budget_exhausted', 402],
    ['stale_node', 500],
  ] as const)('%s → HTTP %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it('recognises error values and envelopes', () => {
    expect(isAppError(appError('cancelled'))).toBe(true);
    expect(isAppError({ code: 'made_up', message: 'x' })).toBe(false);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(errorEnvelopeSchema.safeParse({ error: appError('unauthorized') }).success).toBe(true);
    expect(errorEnvelopeSchema.safeParse({ error: { code: 'nope', message: 'x' } }).success).toBe(false);
  });
});
