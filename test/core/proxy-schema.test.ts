import { describe, expect, it } from 'vitest';
import { appError, ERROR_MESSAGES, ERROR_STATUS, isAppError, statusForCode } from '../../core/errors.js';
import {
  describeIssue,
  errorEnvelopeSchema,
  generateRequestSchema,
  generateResponseSchema,
  publicModelSchema,
} from '../../core/proxy-schema.js';

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

describe('history (live replay)', () => {
  const inline = { mimeType: 'image/png', data: 'iVBORw0KGgo=' };
  const user = { role: 'user', parts: [{ inlineData: inline }, { text: 'warmer light' }] };
  const model = { role: 'model', parts: [{ inlineData: inline, thoughtSignature: 'c2lnLTE=' }] };
  const turn = [user, model];
  const withHistory = (history: unknown, extra: object = {}) => ({ prompt: 'navy jacket', history, ...extra });

  it.each([
    ['one turn', withHistory(turn)],
    [
      'six turns, asking for the model’s turn',
      withHistory(
        [...Array(6)].flatMap(() => turn),
        { returnModelTurn: true },
      ),
    ],
    [
      'thought images, an empty signed text part and the escape hatch signature',
      withHistory([
        user,
        {
          role: 'model',
          parts: [
            { inlineData: inline, thought: true },
            { text: '', thoughtSignature: 'skip_thought_signature_validator' },
            { inlineData: { ...inline, mimeType: 'image/jpeg' }, thoughtSignature: 'c2ln-_' },
          ],
        },
      ]),
    ],
    ['returnModelTurn alone (a first live turn)', { prompt: 'x', returnModelTurn: true }],
    [
      'six turns signed at the recorded size (597,616 characters each, no cap of its own)',
      withHistory(
        [...Array(6)].flatMap(() => [
          user,
          {
            role: 'model',
            parts: [{ inlineData: { ...inline, mimeType: 'image/jpeg' }, thoughtSignature: 'QUJD'.repeat(149_404) }],
          },
        ]),
      ),
    ],
  ])('accepts %s', (_name, body) => {
    expect(generateRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    [
      'a URL part',
      withHistory([user, { role: 'model', parts: [{ fileData: { fileUri: 'https://x/y.png' } }] }]),
      'unknown field "history.1.parts.0.fileData"',
    ],
    [
      'a url inside inlineData',
      withHistory([user, { role: 'model', parts: [{ inlineData: { ...inline, url: 'https://x' } }] }]),
      'unknown field "history.1.parts.0.inlineData.url"',
    ],
    [
      'a role that is not user or model',
      withHistory([{ ...user, role: 'system' }, model]),
      'history.0.role: role must be user or model',
    ],
    ['two user contents in a row', withHistory([user, user]), 'history.1.role: history must alternate user and model'],
    ['history that ends with the user', withHistory([user, model, user]), 'history must end with a model content'],
    ['a lone content', withHistory([user]), 'history needs at least one user and one model content'],
    ['seven turns', withHistory([...Array(7)].flatMap(() => turn)), 'history holds at most 6 turns'],
    ['a content without parts', withHistory([user, { role: 'model', parts: [] }]), 'a content needs at least one part'],
    [
      'a part with text and an image',
      withHistory([user, { role: 'model', parts: [{ text: 'x', inlineData: inline }] }]),
      'a part is either text or an inline image',
    ],
    [
      'an empty part',
      withHistory([user, { role: 'model', parts: [{ thoughtSignature: 'c2ln' }] }]),
      'a part is either text or an inline image',
    ],
    [
      'a signature that is not base64',
      withHistory([user, { role: 'model', parts: [{ inlineData: inline, thoughtSignature: 'not base64!' }] }]),
      'thoughtSignature must be base64',
    ],
    [
      'an empty signature',
      withHistory([user, { role: 'model', parts: [{ inlineData: inline, thoughtSignature: '' }] }]),
      'thoughtSignature is empty',
    ],
    [
      'a GIF',
      withHistory([{ role: 'user', parts: [{ inlineData: { ...inline, mimeType: 'image/gif' } }] }, model]),
      'history.0.parts.0.inlineData.mimeType: mimeType must be',
    ],
    [
      'image data that is not base64',
      withHistory([{ role: 'user', parts: [{ inlineData: { ...inline, data: 'no!' } }] }, model]),
      'image data must be base64',
    ],
    [
      'thought as text',
      withHistory([user, { role: 'model', parts: [{ inlineData: inline, thought: 'yes' }] }]),
      'thought must be true or false',
    ],
    ['history that is not a list', withHistory({ user }), 'history:'],
    ['returnModelTurn as text', { prompt: 'x', returnModelTurn: 'yes' }, 'returnModelTurn must be true or false'],
  ])('rejects %s, naming the field', (_name, body, message) => {
    const result = generateRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(describeIssue(result.error!)).toContain(message);
  });

  it('answers and model lists from older proxies still parse: modelTurn and thoughtSignatures are optional', () => {
    const answer = {
      image: { data: 'iVBORw0KGgo=', mimeType: 'image/png', width: 1, height: 1 },
      model: 'm',
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 },
      cached: false,
    };
    expect(generateResponseSchema.safeParse(answer).success).toBe(true);
    expect(generateResponseSchema.safeParse({ ...answer, modelTurn: model }).success).toBe(true);
    expect(generateResponseSchema.safeParse({ ...answer, modelTurn: user }).success).toBe(false);
    // A JPEG answer whose image part carries a signature at the recorded size keeps its modelTurn.
    const signed = {
      role: 'model',
      parts: [{ inlineData: { mimeType: 'image/jpeg', data: '' }, thoughtSignature: 'QUJD'.repeat(149_404) }],
    };
    expect(generateResponseSchema.safeParse({ ...answer, modelTurn: signed }).success).toBe(true);
    const listed = {
      id: 'm',
      label: 'M',
      description: '',
      aspectRatios: ['1:1'],
      imageSizes: [],
      defaultImageSize: '1K',
      dimensions: {},
      maxInputImages: 3,
      pricePerImageUsd: {},
      inputUsdPerMillionTokens: 0.3,
    };
    expect(publicModelSchema.parse(listed).thoughtSignatures).toBeUndefined();
    expect(publicModelSchema.parse({ ...listed, thoughtSignatures: true }).thoughtSignatures).toBe(true);
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
