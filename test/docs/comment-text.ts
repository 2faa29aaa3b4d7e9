/**
 * The comment part of each line of a source file, for the checks that apply to what people read (comments and
 * docs) and not to code: a hash and digits in code are a colour, a `/tmp/…` path in code is a folder the code makes.
 * Good enough for this tree's files, not a parser: strings are followed on one line (template literals across
 * lines), so a `//` inside a string is not taken for a comment.
 */

/** How a file's comments are written. */
export type CommentStyle = 'c' | 'html' | 'hash' | 'none' | 'all';

/** The comment style of a file, by its extension; markdown is all prose, and so is JSON (it has no comments). */
export function commentStyleOf(path: string): CommentStyle {
  if (/\.(ts|tsx|js|mjs|css)$/.test(path)) return 'c';
  if (path.endsWith('.html')) return 'html';
  if (path.endsWith('.sh') || path === '.ci/run') return 'hash';
  if (path.endsWith('.md') || path.endsWith('.json')) return 'all';
  return 'none';
}

/** One string per line of `text`: that line's comment text, or '' where the line has none. */
export function commentLines(text: string, style: CommentStyle): string[] {
  const lines = text.split('\n');
  if (style === 'all') return lines;
  if (style === 'none') return lines.map(() => '');
  if (style === 'hash') return lines.map(hashComment);
  return cLikeComments(lines, style === 'html');
}

function hashComment(line: string, index: number): string {
  if (index === 0 && line.startsWith('#!')) return '';
  const at = line.search(/(^|\s)#/);
  return at < 0 ? '' : line.slice(at).trimStart();
}

function cLikeComments(lines: string[], html: boolean): string[] {
  let block: string | null = null; // the closing mark of the block comment we are in
  let template = false; // inside a template literal carried over from an earlier line
  return lines.map((line) => {
    let comment = '';
    let quote: string | null = template ? '`' : null;
    for (let i = 0; i < line.length; i++) {
      if (block !== null) {
        const end = line.indexOf(block, i);
        comment += line.slice(i, end < 0 ? line.length : end) + ' ';
        if (end < 0) break;
        i = end + block.length - 1;
        block = null;
        continue;
      }
      const ch = line[i] ?? '';
      if (quote !== null) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (line.startsWith('//', i) && line[i - 1] !== ':') {
        comment += line.slice(i);
        break;
      } else if (line.startsWith('/*', i)) {
        block = '*/';
        i += 1;
      } else if (html && line.startsWith('<!--', i)) {
        block = '-->';
        i += 3;
      }
    }
    template = quote === '`';
    return comment;
  });
}
