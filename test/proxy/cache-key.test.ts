import { describe, expect, it } from 'vitest';
import { cacheKey, type CacheKeyInput } from '../../proxy/cache-key.js';

const base: CacheKeyInput = {
  model: 'gemini-3.1-flash-image',
  prompt: 'warmer light',
  aspectRatio: '4:5',
  imageSize: '1K',
  variant: 0,
  images: [
    { role: 'base', bytes: new Uint8Array([1, 2, 3]) },
    { role: 'style', bytes: new Uint8Array([4, 5, 6]) },
  ],
};

describe('cacheKey', () => {
  it('is 64 hex digits and the same for the same request', () => {
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...base, images: base.images.map((i) => ({ ...i, bytes: Uint8Array.from(i.bytes) })) })).toBe(
      cacheKey(base),
    );
  });

  it.each<[string, Partial<CacheKeyInput>]>([
    ['another model', { model: 'gemini-3-pro-image' }],
    ['another prompt', { prompt: 'warmer light.' }],
    ['another ratio', { aspectRatio: '1:1' }],
    ['no ratio', { aspectRatio: null }],
    ['another size', { imageSize: '2K' }],
    ['another variant', { variant: 1 }],
    ['one byte changed', { images: [{ role: 'base', bytes: new Uint8Array([1, 2, 4]) }, base.images[1]!] }],
    ['another role', { images: [{ role: 'subject', bytes: new Uint8Array([1, 2, 3]) }, base.images[1]!] }],
    ['the images swapped', { images: [base.images[1]!, base.images[0]!] }],
    ['one image fewer', { images: [base.images[0]!] }],
    [
      'bytes moved between images',
      {
        images: [
          { role: 'base', bytes: new Uint8Array([1, 2]) },
          { role: 'style', bytes: new Uint8Array([3, 4, 5, 6]) },
        ],
      },
    ],
  ])('changes with %s', (_name, change) => {
    expect(cacheKey({ ...base, ...change })).not.toBe(cacheKey(base));
  });
});

describe('cacheKey with history (live replay)', () => {
  const image = new Uint8Array([7, 8, 9]);
  const history: NonNullable<CacheKeyInput['history']> = [
    { role: 'user', parts: [{ image }, { text: 'warmer light' }] },
    {
      role: 'model',
      parts: [
        { text: '', thoughtSignature: 'c2lnLTE=' },
        { image, thoughtSignature: 'c2lnLTI=' },
      ],
    },
  ];
  const withHistory = { ...base, history };

  it('a stateless request keeps the key it had before replay existed', () => {
    expect(cacheKey({ ...base, history: [] })).toBe(cacheKey(base));
    expect(cacheKey(withHistory)).not.toBe(cacheKey(base));
    expect(cacheKey({ ...withHistory, history: history.map((c) => ({ ...c, parts: [...c.parts] })) })).toBe(
      cacheKey(withHistory),
    );
  });

  const modelParts = history[1]!.parts;
  it.each<[string, CacheKeyInput['history']]>([
    [
      'another signature',
      [history[0]!, { role: 'model', parts: [modelParts[0]!, { image, thoughtSignature: 'c2lnLTM=' }] }],
    ],
    ['a signature dropped', [history[0]!, { role: 'model', parts: [modelParts[0]!, { image }] }]],
    ['another earlier prompt', [{ role: 'user', parts: [{ image }, { text: 'warmer light.' }] }, history[1]!]],
    [
      'another image byte',
      [
        history[0]!,
        { role: 'model', parts: [modelParts[0]!, { ...modelParts[1]!, image: new Uint8Array([7, 8, 0]) }] },
      ],
    ],
    [
      'a part marked as a thought',
      [history[0]!, { role: 'model', parts: [modelParts[0]!, { ...modelParts[1]!, thought: true }] }],
    ],
    ['one turn more', [...history, ...history]],
  ])('changes with %s', (_name, changed) => {
    expect(cacheKey({ ...withHistory, history: changed })).not.toBe(cacheKey(withHistory));
  });
});
