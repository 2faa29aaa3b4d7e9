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

/**
 * TEMPORARY: files other branches are rewriting right now, which fix their own citations there. This list must end
 * empty: the merge that brings those rewrites in removes each name (the last test below fails while a listed file
 * is clean or gone, so the list cannot go stale).
 */
const PENDING_FILES: readonly string[] = [
  'proxy/app.ts',
  'proxy/call-with-retries.ts',
  'proxy/config.ts',
  'proxy/gemini-client.ts',
  'proxy/gemini-errors.ts',
  'proxy/image-integrity.ts',
  'proxy/read-image-answer.ts',
  'proxy/routes/generate.ts',
  'proxy/server.ts',
  'ui/actions/edit-context.ts',
  'ui/actions/generate-region.ts',
  'ui/actions/generate-variants.ts',
  'ui/actions/generate.ts',
  'ui/actions/index.ts',
  'ui/actions/load-thumbnails.ts',
  'ui/actions/precision.ts',
  'ui/request-plan.ts',
  'ui/state.ts',
];

/**
 * TEMPORARY: documents another branch adds (the proxy's reliability settings and figures), cited here already.
 * Taken as existing, headings unchecked, until they arrive; the last test fails once one exists.
 */
const PENDING_TARGETS: readonly string[] = ['docs/proxy-reliability.md'];

const root = new URL('../../', import.meta.url).pathname;
const files = repoFiles(root);
const tree = treeIndex(root, files, PENDING_TARGETS);

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
    const offenders = checked.filter((path) => !PENDING_FILES.includes(path)).flatMap(offendersIn);
    expect(offenders).toEqual([]);
  });

  it('lists as pending only files that still offend, and documents that do not exist yet', () => {
    expect(PENDING_FILES.filter((path) => !files.includes(path) || offendersIn(path).length === 0)).toEqual([]);
    expect(PENDING_TARGETS.filter((path) => files.includes(path))).toEqual([]);
  });
});
