/**
 * Every document a comment or a doc cites is in the tree, by a path that exists and a heading anchor that exists;
 * nothing cites a document a clone does not have, a section number, the typings' line numbers, an issue number or
 * a build machine's path (the rules: citation-rules.ts; how to cite: docs/contributing.md#cite-only-docs-in-the-tree).
 * A failure lists each offender as `path:line: what`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOffences } from './citation-rules.js';
import { checkedFiles, repoFiles, treeIndex } from './repo-tree.js';

const root = new URL('../../', import.meta.url).pathname;
const files = repoFiles(root);
const tree = treeIndex(root, files);

function offendersIn(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  return fileOffences(path, text, tree).map(({ line, what }) => `${path}:${line}: ${what}`);
}

describe('citations in the tree', () => {
  const checked = checkedFiles(files);

  it('reads the code, the docs and the config', () => {
    expect(checked).toEqual(
      expect.arrayContaining(['README.md', 'docs/architecture.md', 'core/messages.ts', 'ui/styles.css', '.ci/run']),
    );
  });

  it('every citation resolves, and none cites what a clone does not have', () => {
    const offenders = checked.flatMap(offendersIn);
    expect(offenders).toEqual([]);
  });
});
