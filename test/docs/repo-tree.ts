/**
 * The files the citation rules read, and the index of paths and anchors they check against: what git tracks, plus
 * new files not yet committed (but not ignored ones such as dist/ or data/).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TreeIndex } from './citation-rules.js';
import { commentLines, commentStyleOf } from './comment-text.js';
import { headingAnchors } from './markdown-anchors.js';

/** The kinds of file whose comments and text are checked: source, config, scripts and every markdown file. */
const CHECKED = /\.(ts|tsx|js|mjs|css|html|json|sh|md)$|^\.ci\/run$/;

/**
 * Published Gemini bodies kept byte for byte (test/contract/recordings/README.md): their text is Google's or a
 * reporter's, not ours to reword.
 */
const VERBATIM = /^test\/contract\/recordings\/.*\.(json|txt)$/;

/** Every repo-relative path git knows of under `root`, tracked or new. */
export function repoFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root });
  return [...new Set(out.toString('utf8').split('\n').filter(Boolean))].sort();
}

/** The files whose citations are checked. */
export function checkedFiles(files: string[]): string[] {
  return files.filter((path) => CHECKED.test(path) && !VERBATIM.test(path));
}

/** Paths and anchors of the tree. */
export function treeIndex(root: string, files: string[]): TreeIndex {
  const existing = new Set(files);
  const folders = new Set(
    files.flatMap((path) =>
      path
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const anchors = new Map<string, Set<string>>();
  return {
    has: (path) => existing.has(path) || folders.has(path),
    anchorsOf(path) {
      if (!existing.has(path)) return null;
      let found = anchors.get(path);
      if (found === undefined) {
        found = headingAnchors(readFileSync(join(root, path), 'utf8'));
        anchors.set(path, found);
      }
      return found;
    },
    madePaths: madePaths(root, files),
  };
}

/** Temporary folders the project's own code (not its comments) names, e.g. scripts/test-db.sh's default. */
function madePaths(root: string, files: string[]): Set<string> {
  const made = new Set<string>();
  for (const path of checkedFiles(files)) {
    const style = commentStyleOf(path);
    if (style === 'all' || style === 'none') continue;
    const text = readFileSync(join(root, path), 'utf8');
    const comments = commentLines(text, style);
    text.split('\n').forEach((line, index) => {
      const code = line.replace(comments[index] ?? '', '');
      for (const match of code.match(/\/tmp\/banana-[\w.-]*/g) ?? []) made.add(match);
    });
  }
  return made;
}
