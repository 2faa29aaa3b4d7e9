/**
 * The house limits of docs/contributing.md#house-style, measured on the tree: lines per file, lines per function,
 * and the median file. Functions are found with the TypeScript compiler's own parser, so a limit is never fooled
 * by a brace in a string or a comment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoFiles } from '../docs/repo-tree.js';

/** Most lines a source or test file may have. */
export const MAX_FILE_LINES = 300;
/** Most lines one function of shipped code may span, from its first line to its last. */
export const MAX_FUNCTION_LINES = 80;
/** Largest median length of the shipped source files. */
export const MAX_MEDIAN_LINES = 60;

/**
 * Functions that are tables, which the limit exempts (docs/contributing.md#small-files-and-functions): each names
 * its file and why it reads best whole.
 */
export const TABLES: ReadonlyMap<string, string> = new Map([
  // The schema's migrations, one SQL step each in order: the history of the schema, read top to bottom.
  ['proxy/store/migrations.ts schemaMigrations', 'the ordered list of schema steps'],
]);

/** Folders of code we ship (the plugin, the panel, the proxy, the shared core and the developer tools) and run. */
const SHIPPED = /^(plugin|ui|proxy|core|dev|scripts|bench)\//;
const SOURCE = /\.(ts|tsx)$/;

/** The TypeScript files of the tree, and whether each is shipped code (tests are not). */
export function sourceFiles(root: string): { path: string; shipped: boolean }[] {
  return repoFiles(root)
    .filter((path) => SOURCE.test(path) && existsSync(join(root, path)))
    .map((path) => ({ path, shipped: SHIPPED.test(path) }));
}

/** A file's length in lines, the last line counted whether or not it ends with a newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

/** A function longer than the limit: where it starts, what it is called and how many lines it spans. */
export interface LongFunction {
  line: number;
  name: string;
  lines: number;
}

/** The functions of `text` that span more than `limit` lines, outermost first. */
export function longFunctions(path: string, text: string, limit = MAX_FUNCTION_LINES): LongFunction[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > limit && !TABLES.has(`${path} ${functionName(node)}`))
        found.push({ line: first + 1, name: functionName(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The name a reader would look for: the declaration's, or the variable or property an arrow is assigned to. */
function functionName(node: ts.SignatureDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

/** The median of `values` (the lower middle one for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Every file's text and length, read once. */
export function measureTree(root: string): { path: string; shipped: boolean; text: string; lines: number }[] {
  return sourceFiles(root).map((file) => {
    const text = readFileSync(join(root, file.path), 'utf8');
    return { ...file, text, lines: lineCount(text) };
  });
}
