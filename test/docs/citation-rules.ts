/**
 * What a citation in this tree may look like. A comment or a doc cites documents that are in the repository, by a
 * path that exists and an anchor that is one of its headings; never a document a clone does not have, a section
 * number, the typings' line numbers, an issue number or a path of the machine it was written on. Used by
 * citations.test.ts over every tracked file. Patterns are written with escapes (`\u00a7`, `\u005b`) so this file
 * does not match itself.
 */
import { commentLines, commentStyleOf } from './comment-text.js';

/** What the rules need to know about the tree: which paths exist, and each markdown file's anchors. */
export interface TreeIndex {
  /** Whether a repo-relative path is a tracked file or folder, or a document another branch adds. */
  has(path: string): boolean;
  /** The heading anchors of a tracked markdown file; null for a path whose headings cannot be checked here. */
  anchorsOf(path: string): Set<string> | null;
  /** Temporary folders (under /tmp, named banana-…) that the project's own code makes, which docs may name. */
  madePaths: Set<string>;
}

/** A document that was never in the repository, and the one in the tree that holds what it said. */
function notInTree(name: string, instead: string): readonly [RegExp, string] {
  return [new RegExp(`\\b${name}\\.md\\b`), `cites ${name}.md, which is not in the repository: cite ${instead}#…`];
}

/** Reported once, by FORBIDDEN, not again as a missing path. */
const NEVER_IN_TREE = /(^|\/)(DESIGN|STYLE|figma-api|gemini-api)\.md$/;

/** Forbidden anywhere, code included, with what to do instead. */
const FORBIDDEN: readonly (readonly [RegExp, string])[] = [
  notInTree('DESIGN', 'docs/architecture.md'),
  notInTree('STYLE', 'docs/contributing.md'),
  notInTree('figma-api', 'docs/figma-platform.md'),
  notInTree('gemini-api', 'docs/gemini-platform.md'),
  [/\u00a7/, 'a section sign: cite a heading by its anchor (docs/….md#anchor) or name the section in words'],
  [/\u005bT:/, 'cites the typings by line number: name the declaration (plugin-api.d.ts, `ExportMixin`)'],
  [/plugin-api\.d\.ts:\d/, 'cites the typings by line number: name the declaration (plugin-api.d.ts, `ExportMixin`)'],
  [/\u005bD:/, "cites a Figma docs page by key: cite docs/figma-platform.md#… or the page's URL"],
  [/\b[Ii]ssues? #?\d+/, 'cites an issue number: say what the thing is'],
];

/** Forbidden in comments and docs only (in code these are colours, folders the code makes, …). */
const PROSE_ONLY: readonly (readonly [RegExp, string])[] = [
  [
    /(?<![\w/&#-])#\d+\b(?![\w-])/,
    'cites an issue number (#N): say what the thing is, or name the repository (owner/repo#N)',
  ],
  [/(?<![\w.~-])\/work\/\S*/, "a build machine's path: name the path inside the repository"],
  [/(?<![\w.~-])\/home\/[\w.-]+\/\S*/, "a build machine's path: name the path inside the repository"],
];

const MD_PATH = /(?<![\w./@-])((?:\.\.?\/)*(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.md)(?:#([\p{L}\p{N}_-]+))?(?![\w])/gu;
const MD_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const URL = /[a-z][\w+.-]*:\/\/[^\s)>\]\x60'"]+/gi;
const MADE_PATH = /\/tmp\/banana-[\w.-]*/g;

/** One offence: the 1-based line and what is wrong there. */
export interface Offence {
  line: number;
  what: string;
}

/** Every offence in one file, `path` repo-relative. */
export function fileOffences(path: string, text: string, tree: TreeIndex): Offence[] {
  const lines = text.split('\n');
  const comments = commentLines(text, commentStyleOf(path));
  const isMarkdown = path.endsWith('.md');
  const fenced = isMarkdown ? fencedLines(lines) : new Set<number>();
  return lines.flatMap((line, index) => {
    const whats = [
      ...FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(([, what]) => what),
      ...proseOffences(comments[index] ?? '', tree),
      ...(isMarkdown && !fenced.has(index) ? linkOffences(path, line, tree) : []),
      ...mentionOffences(path, isMarkdown ? line.replace(MD_LINK, '') : (comments[index] ?? ''), tree),
    ];
    return whats.map((what) => ({ line: index + 1, what }));
  });
}

function proseOffences(comment: string, tree: TreeIndex): string[] {
  if (comment === '') return [];
  const prose = comment.replace(URL, ' ');
  const whats = PROSE_ONLY.filter(([pattern]) => pattern.test(prose)).map(([, what]) => what);
  for (const made of prose.match(MADE_PATH) ?? []) {
    if (!tree.madePaths.has(made)) whats.push(`${made} is a build machine's path, not one the project's code makes`);
  }
  return whats;
}

/** Repo-relative .md paths named in a comment or a doc must exist, anchor included. */
function mentionOffences(path: string, line: string, tree: TreeIndex): string[] {
  const whats: string[] = [];
  for (const match of line.replace(URL, ' ').matchAll(MD_PATH)) {
    const named = match[1] ?? '';
    if (named.startsWith('node_modules/') || NEVER_IN_TREE.test(named)) continue;
    const relative = /^\.\.?\//.test(named);
    const found = [joinPath(dirOf(path), named), ...(relative ? [] : [normalise(named)])].find((p) => tree.has(p));
    if (found === undefined) whats.push(`names ${named}, which does not exist`);
    else whats.push(...anchorOffences(found, match[2], tree));
  }
  return whats;
}

/** Markdown links to a relative target must resolve from the linking file, anchor included. */
function linkOffences(path: string, line: string, tree: TreeIndex): string[] {
  const whats: string[] = [];
  for (const match of line.matchAll(MD_LINK)) {
    const target = match[1] ?? '';
    if (/^[a-z][\w+.-]*:/i.test(target)) continue;
    const [file = '', anchor] = target.split('#');
    const resolved = file === '' ? path : file.startsWith('/') ? normalise(file.slice(1)) : joinPath(dirOf(path), file);
    if (!tree.has(resolved)) whats.push(`links to ${target}, which does not exist`);
    else whats.push(...anchorOffences(resolved, anchor, tree));
  }
  return whats;
}

function anchorOffences(file: string, anchor: string | undefined, tree: TreeIndex): string[] {
  if (anchor === undefined || !file.endsWith('.md')) return [];
  const anchors = tree.anchorsOf(file);
  return anchors === null || anchors.has(anchor) ? [] : [`${file} has no heading #${anchor}`];
}

function fencedLines(lines: string[]): Set<number> {
  const fenced = new Set<number>();
  let inside = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inside = !inside;
    else if (inside) fenced.add(index);
  });
  return fenced;
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function joinPath(dir: string, relative: string): string {
  return normalise(dir === '' ? relative : `${dir}/${relative}`);
}

/** `a/./b/../c/` → `a/c`; a path that climbs out of the repository stays climbing (and so does not exist). */
export function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
