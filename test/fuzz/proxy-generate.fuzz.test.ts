/**
 * Property tests of `POST /v1/generate` bodies, through the whole app (`app.request`): any JSON, any text, and
 * bodies one mistake away from valid always end in an image or a 4xx envelope with a specific code: never a 5xx,
 * never a crash. Valid bodies do go through to the Gemini double (small sizes, cached after the first time).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage, encodePng } from '../../core/png.js';
import { generateRequest, startHarness, type Harness } from '../support/proxy-harness.js';
import { expectWellFormed, RUNS } from './proxy-fuzz-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await h.close();
});

const post = (body: string) => h.app.request('/v1/generate', generateRequest(body));

const smallPng = Buffer.from(encodePng(createImage(6, 5, [10, 200, 30, 255]))).toString('base64');

/** A valid body: small sizes and few prompts, so the double answers fast and the cache answers repeats. */
const validBody = fc
  .record(
    {
      model: fc.constantFrom('gemini-3.1-flash-image', 'gemini-2.5-flash-image'),
      prompt: fc.constantFrom('a pear', 'a pear on a plate', 'two pears'),
      images: fc.array(
        fc.record({
          data: fc.constant(smallPng),
          mimeType: fc.constant('image/png'),
          role: fc.constantFrom('base', 'style'),
        }),
        { maxLength: 2 },
      ),
      aspectRatio: fc.constantFrom('1:1', '16:9'),
      variant: fc.integer({ min: 0, max: 2 }),
      cache: fc.constant(true),
    },
    { requiredKeys: ['prompt'] },
  )
  .map((body) => (body.model === 'gemini-2.5-flash-image' ? body : { ...body, imageSize: '512' }));

/** What a mistake may put in place of a field: anything JSON, or a near miss of the right type. */
const wrongValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '1K', '8K', '4:1', '0:1', 'nano', -1, 8, 1.5, null, true, [], {}),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('AAAA', 'not base64!', smallPng.slice(0, 40), 'x'.repeat(21_000)),
);

const FIELDS = ['model', 'prompt', 'images', 'aspectRatio', 'imageSize', 'variant', 'cache', 'extra', 'fileData'];
const IMAGE_FIELDS = ['data', 'mimeType', 'role', 'fileUri'];

/** A valid body with zero to two mistakes: a field removed, replaced, or added; or one inside an image. */
const nearBody = fc
  .tuple(
    validBody,
    fc.array(
      fc.record({ where: fc.constantFrom('body', 'image'), field: fc.nat(), remove: fc.boolean(), value: wrongValue }),
      { maxLength: 2 },
    ),
  )
  .map(([body, mistakes]) => {
    const out: Record<string, unknown> = structuredClone(body);
    for (const m of mistakes) {
      const images = out.images;
      const target =
        m.where === 'image' &&
        Array.isArray(images) &&
        images.length > 0 &&
        typeof images[0] === 'object' &&
        images[0] !== null
          ? (images[0] as Record<string, unknown>)
          : out;
      const keys = target === out ? FIELDS : IMAGE_FIELDS;
      const key = keys[m.field % keys.length]!;
      if (m.remove) delete target[key];
      else target[key] = m.value;
    }
    return out;
  });

describe('POST /v1/generate bodies', () => {
  it('any JSON value is answered with a 4xx envelope naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const { status, code } = await expectWellFormed(await post(JSON.stringify(value)));
        // A bare JSON value is never a valid request (no object with a prompt) unless it happens to be one.
        if (status !== 200) expect(code).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('any text, JSON or not, is answered with an image or a 4xx envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.json(), fc.string({ unit: 'binary', maxLength: 300 })),
        async (text) => {
          await expectWellFormed(await post(text));
        },
      ),
      RUNS,
    );
  });

  it('bodies one mistake from valid are answered with an image or a 4xx envelope', async () => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nearBody, async (body) => {
        // Keep upstream calls small and cacheable: valid bodies use the smallest size most of the time.
        const { status } = await expectWellFormed(await post(JSON.stringify(body)));
        if (status === 200) seen.ok++;
        else seen.refused++;
      }),
      RUNS,
    );
    // Both sides of the boundary were exercised.
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
