import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeZodIssue } from '../../core/zod-issue.js';

const schema = z.strictObject({
  name: z.string().check(z.minLength(2), z.maxLength(4)),
  size: z.int().check(z.gte(1), z.lte(10)),
  kind: z.enum(['a', 'b']),
  when: z.optional(z.iso.datetime()),
});
const base = { name: 'abc', size: 5, kind: 'a' };

describe('describeZodIssue', () => {
  const cases: [unknown, string][] = [
    [{ ...base, name: undefined }, 'name: required'],
    [{ ...base, name: 3 }, 'name: expected string'],
    [{ ...base, name: 'abcde' }, 'name: longer than 4'],
    [{ ...base, name: 'a' }, 'name: shorter than 2'],
    [{ ...base, size: 11 }, 'size: at most 10'],
    [{ ...base, size: 0 }, 'size: at least 1'],
    [{ ...base, kind: 'c' }, 'kind: must be "a" or "b"'],
    [{ ...base, when: 'soon' }, 'when: not a valid datetime'],
    [{ ...base, extra: true }, 'unknown field "extra"'],
    ['text', 'value: expected object'],
  ];
  it.each(cases)('%j → %s', (value, expected) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodIssue(parsed.error, value)).toBe(expected);
  });
});
