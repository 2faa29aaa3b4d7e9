/**
 * Property-based tests of every parser at a trust boundary that runs without a server: sandbox⇄panel messages,
 * turn records read from plugin data, and images (header reader and PNG decoder). Each property runs at least 500
 * generated cases; each input must end in a value or a specific error, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../../core/errors.js';
import { readImageHeader } from '../../core/image-header.js';
import { parseSandboxMessage, parseUiMessage, UI_MESSAGE_TYPES } from '../../core/messages.js';
import { createImage, decodePng, encodePng, PngError } from '../../core/png.js';
import { parseTurnRecord } from '../../core/turn-record.js';

const RUNS = { numRuns: 600 };

/** Anything a postMessage could carry, including typed arrays, nested objects and odd keys. */
const cloneable = fc.anything({
  withTypedArray: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  maxDepth: 4,
});

/** A message that looks nearly right: a known type with random fields. */
const nearMessage = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...UI_MESSAGE_TYPES), fc.string()),
    requestId: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(undefined)),
    nodeId: fc.oneof(fc.string(), fc.integer()),
    nodeIds: fc.array(fc.string()),
    maxSide: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double()),
    settings: fc.record({ proxyUrl: fc.oneof(fc.webUrl(), fc.string()), token: fc.string() }, { requiredKeys: [] }),
    image: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string(), fc.constant(null)),
    message: fc.string(),
  },
  { requiredKeys: ['type'] },
);

function expectReceived(result: ReturnType<typeof parseUiMessage> | ReturnType<typeof parseSandboxMessage>): void {
  if (result.ok) {
    expect(typeof result.message.type).toBe('string');
    return;
  }
  expect(isErrorCode(result.error.code)).toBe(true);
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.requestId === null || Number.isInteger(result.requestId)).toBe(true);
}

describe('sandbox⇄panel messages', () => {
  it('parseUiMessage never throws on anything a postMessage can carry', () => {
    fc.assert(
      fc.property(fc.oneof(cloneable, nearMessage), (raw) => expectReceived(parseUiMessage(raw))),
      RUNS,
    );
  });

  it('parseSandboxMessage never throws either', () => {
    fc.assert(
      fc.property(fc.oneof(cloneable, nearMessage), (raw) => expectReceived(parseSandboxMessage(raw))),
      RUNS,
    );
  });

  it('a malformed request with a readable requestId gets that id back, to reply to', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.string(), (requestId, junk) => {
        const result = parseUiMessage({ type: 'EXPORT_NODE', requestId, nodeId: junk, maxSide: 'big' });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.requestId).toBe(requestId);
          expect(result.error.code).toBe('bad_message');
        }
      }),
      RUNS,
    );
  });
});

describe('turn records from plugin data', () => {
  const validRecord = {
    v: 1,
    id: 't_abc',
    parentId: null,
    rootId: 't_abc',
    sourceNodeId: '1:2',
    originNodeId: '1:9',
    prompt: 'warmer light',
    model: 'gemini-3-pro-image',
    params: { aspectRatio: '4:5', imageSize: '1K' },
    inputs: [{ nodeId: '1:2', role: 'base' }],
    usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, costUsd: 0.1 },
    createdAt: '2026-11-25T09:00:00.000Z',
    provenance: { aiGenerated: true, model: 'gemini-3-pro-image', synthId: true },
  };

  const mutated = fc
    .record({ key: fc.constantFrom(...Object.keys(validRecord)), value: fc.jsonValue() })
    .map(({ key, value }) => JSON.stringify({ ...validRecord, [key]: value }));

  it('parseTurnRecord returns a record, null or corrupt_history for any text, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), mutated, fc.string({ unit: 'grapheme', maxLength: 200 })),
        (text) => {
          const result = parseTurnRecord(text);
          if (!result.ok) {
            expect(result.error.code).toBe('corrupt_history');
            expect(result.error.message).toMatch(/damaged|history/i);
          } else if (result.value !== null) {
            expect(result.value.v).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('images', () => {
  const smallPng = (w: number, h: number, seed: number): Uint8Array => {
    const image = createImage(w, h);
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 31 + seed) & 0xff;
    return encodePng(image);
  };

  const damaged = fc
    .record({
      w: fc.integer({ min: 1, max: 24 }),
      h: fc.integer({ min: 1, max: 24 }),
      seed: fc.nat(255),
      cut: fc.nat(),
      flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
    })
    .map(({ w, h, seed, cut, flips }) => {
      const bytes = smallPng(w, h, seed);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return bytes.subarray(0, cut % (bytes.length + 1));
    });

  const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), damaged);

  it('readImageHeader gives null or a positive size for any bytes', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const header = readImageHeader(bytes);
        if (header) {
          expect(header.width).toBeGreaterThan(0);
          expect(header.height).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('decodePng gives pixels of the declared size or a PngError, for truncated, flipped, zero-size or foreign bytes', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        try {
          const image = decodePng(bytes);
          expect(image.data.length).toBe(image.width * image.height * 4);
        } catch (error) {
          expect(error).toBeInstanceOf(PngError);
          expect((error as Error).message.length).toBeGreaterThan(5);
        }
      }),
      RUNS,
    );
  });

  it('refuses a header that claims a huge image before allocating it', () => {
    const huge = smallPng(2, 2, 1);
    const view = new DataView(huge.buffer, huge.byteOffset);
    view.setUint32(16, 100_000); // IHDR width
    expect(() => decodePng(huge)).toThrow(/largest side/);
  });
});
