/**
 * The house limits (docs/contributing.md#house-style) hold on the whole tree: no file over 300 lines, tests
 * included; no function of shipped code over 80 lines; the median shipped file at most 60 lines. The measures are
 * checked first on small texts, so a limit that passes is known to measure what it says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  lineCount,
  longFunctions,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  MAX_MEDIAN_LINES,
  measureTree,
  median,
} from './house-limits.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tree = measureTree(ROOT);

describe('the measures', () => {
  it('count lines with or without a final newline', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });

  it('find long functions of every kind by the parser, not by braces in strings', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = '}';`).join('\n');
    const text = [
      `export function declared() {\n${body(80)}\n}`,
      `const arrow = () => {\n${body(80)}\n};`,
      `class A {\n  method() {\n${body(80)}\n  }\n}`,
      `function short() {\n${body(78)}\n}`,
    ].join('\n');
    expect(longFunctions('x.ts', text)).toEqual([
      { line: 1, name: 'declared', lines: 82 },
      { line: 83, name: 'arrow', lines: 82 },
      { line: 166, name: 'method', lines: 82 },
    ]);
  });

  it('reads TSX', () => {
    const jsx = Array.from({ length: 90 }, () => '      <p>{"}"}</p>').join('\n');
    const text = `export function View() {\n  return (\n    <div>\n${jsx}\n    </div>\n  );\n}\n`;
    expect(longFunctions('x.tsx', text).map((f) => f.name)).toEqual(['View']);
  });

  it('take the lower middle value as the median', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2, 0]);
  });
});

describe('the tree', () => {
  it('measures the files git knows of, shipped and tests', () => {
    expect(tree.filter((f) => f.shipped).length).toBeGreaterThan(100);
    expect(tree.filter((f) => !f.shipped).length).toBeGreaterThan(100);
    expect(tree.some((f) => f.path === 'test/lint/house-limits.ts')).toBe(true);
  });

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = tree.filter((f) => f.lines > MAX_FILE_LINES).map((f) => `${f.path}: ${f.lines}`);
    expect(long).toEqual([]);
  });

  it(`has no function of shipped code over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = tree
      .filter((f) => f.shipped)
      .flatMap((f) => longFunctions(f.path, f.text).map((fn) => `${f.path}:${fn.line} ${fn.name}: ${fn.lines}`));
    expect(long).toEqual([]);
  });

  it(`keeps the median shipped file at ${MAX_MEDIAN_LINES} lines or under`, () => {
    expect(median(tree.filter((f) => f.shipped).map((f) => f.lines))).toBeLessThanOrEqual(MAX_MEDIAN_LINES);
  });
});
