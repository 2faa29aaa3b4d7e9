/**
 * Plain words for the first problem zod found. `zod/mini` ships no locale (that keeps the sandbox bundle
 * small), so its own messages are just "Invalid input"; this names the field and what is wrong with it.
 */
import type * as z from 'zod/mini';

/**
 * `maxSide: at most 4096`, `unknown field "colour"`, `prompt: required`, … Pass the parsed `input` so a missing
 * field can be told from one of the wrong type (zod leaves the input out of its issues by default).
 */
export function describeZodIssue(error: z.core.$ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'value';
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? `${path}: required` : `${path}: expected ${issue.expected}`;
    case 'too_big':
      return `${path}: ${issue.origin === 'string' || issue.origin === 'array' ? 'longer than' : 'at most'} ${issue.maximum}`;
    case 'too_small':
      return `${path}: ${issue.origin === 'string' || issue.origin === 'array' ? 'shorter than' : 'at least'} ${issue.minimum}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${path}: must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return `${path}: not an allowed value`;
    case 'invalid_format':
      return `${path}: not a valid ${issue.format}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? `${path}: ${issue.message}` : `${path}: not valid`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
