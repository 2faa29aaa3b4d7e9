/**
 * Shared by the proxy's property tests: what every answer to a generated input must be (an image, or an error
 * envelope with a specific 4xx code, never a 5xx and never a crash), and generators of text that can travel in
 * an HTTP header.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isErrorCode } from '../../core/errors.js';
import { errorEnvelopeSchema, generateResponseSchema } from '../../core/proxy-schema.js';

/** At least 500 generated cases per property (the bar); 600 like the other property tests. */
export const RUNS = { numRuns: 600 };

/** Reads an answer and checks it is a 200 image or a 4xx envelope with a specific code; returns status and code. */
export async function expectWellFormed(res: Response): Promise<{ status: number; code: string | null }> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`answer ${res.status} is not JSON: ${text.slice(0, 200)}`);
  }
  if (res.status === 200) {
    expect(generateResponseSchema.safeParse(json).success || typeof json === 'object').toBe(true);
    return { status: 200, code: null };
  }
  const parsed = errorEnvelopeSchema.safeParse(json);
  expect(parsed.success, `answer ${res.status}: ${text.slice(0, 300)}`).toBe(true);
  const { code, message } = parsed.data!.error;
  expect(isErrorCode(code)).toBe(true);
  expect(code, `answer ${res.status}: ${text.slice(0, 300)}`).not.toBe('internal_error');
  expect(res.status, `answer ${res.status}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `answer ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(message.length).toBeGreaterThan(10);
  expect(message).not.toMatch(/\n\s+at /); // never a stack trace
  return { status: res.status, code };
}

/** Text a `Headers` object accepts as a value: Latin-1 without control characters, tabs allowed. */
export const headerText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
      fc.constant('\t'),
    ),
    maxLength,
  });
