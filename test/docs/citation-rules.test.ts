/**
 * The citation rules on planted text: GitHub's heading slugs, the comment reader, and each matcher, so a bad
 * citation fails and a good one passes. Forbidden words are assembled from pieces so this file does not offend.
 */
import { describe, expect, it } from 'vitest';
import { fileOffences, normalise, type TreeIndex } from './citation-rules.js';
import { commentLines } from './comment-text.js';
import { githubSlug, headingAnchors } from './markdown-anchors.js';

const SECTION = '\u00a7';
const NOT_IN_TREE = 'DESIGN' + '.md';
/** A markdown path named in a planted line, built so the tree scan does not read it as a citation of its own. */
const md = (path: string) => `${path}.md`;

describe('githubSlug', () => {
  it.each([
    ['Figures we hold ourselves to', 'figures-we-hold-ourselves-to'],
    ['2.2 Panel: plan, ask, composite', '22-panel-plan-ask-composite'],
    ["The panel's origin is null", 'the-panels-origin-is-null'],
    ['The model registry (`models.json`)', 'the-model-registry-modelsjson'],
    ['Exports (`index.ts`)', 'exports-indexts'],
    ['Sandbox (plugin/)', 'sandbox-plugin'],
    ['A 429 with RetryInfo', 'a-429-with-retryinfo'],
    ['Keep the_underscore and -dash-', 'keep-the_underscore-and--dash-'],
    ['See [the docs](docs/README.md) first', 'see-the-docs-first'],
    ['Größe × Höhe', 'größe--höhe'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings and skips fenced code', () => {
    const md = '# Title\n## Notes\n```sh\n# not a heading\n```\n## Notes\n### Notes';
    expect([...headingAnchors(md)]).toEqual(['title', 'notes', 'notes-1', 'notes-2']);
  });
});

describe('commentLines', () => {
  it('finds line and block comments, not strings or URLs', () => {
    const ts = [
      "const url = 'https://example.com'; // why",
      '/**',
      ' * a doc comment',
      ' */',
      'const s = "not // a comment";',
    ].join('\n');
    expect(commentLines(ts, 'c').map((c) => c.trim())).toEqual(['// why', '*', '* a doc comment', '', '']);
  });

  it('reads shell comments and leaves the shebang and ${#array} alone', () => {
    const sh = '#!/usr/bin/env bash\n# a comment\necho "${#missing[@]}" # trailing';
    expect(commentLines(sh, 'hash')).toEqual(['', '# a comment', '# trailing']);
  });
});

const tree: TreeIndex = {
  has: (path) => ['docs/a.md', 'docs/b.md', 'README.md', 'docs', 'docs/shot.png', 'dev/x/README.md'].includes(path),
  anchorsOf: (path) => (path.endsWith('.md') ? new Set(['sizes', 'figures-we-hold-ourselves-to']) : null),
  madePaths: new Set(['/tmp/banana-pg']),
};

const whats = (path: string, text: string) => fileOffences(path, text, tree).map((o) => `${o.line}: ${o.what}`);

describe('fileOffences', () => {
  it.each([
    ['core/x.ts', `/** Sizes come from the frame (${NOT_IN_TREE}). */`, 'not in the repository'],
    ['core/x.ts', `// see ${md('docs/a')} ${SECTION}2.2`, 'section sign'],
    ['core/x.ts', '/** `RectangleNode` [' + 'T:10885]. */', 'typings by line number'],
    ['docs/a.md', 'Figma rejects it (`plugin-api.d.ts' + ':1740-1742`).', 'typings by line number'],
    ['core/x.ts', '/** Under dynamic-page [' + 'D:migrating-to-dynamic-loading]. */', 'docs page by key'],
    ['core/x.ts', '/** Precise edits (iss' + 'ue 7). */', 'issue number'],
    ['core/x.ts', "it('reads an old record (iss" + "ues 4 and 5)', () => {});", 'issue number'],
    ['core/x.ts', '// fixed in #' + '12', 'issue number (#N)'],
    ['core/x.ts', `/** See ${md('docs/missing')}. */`, `names ${md('docs/missing')}, which does not exist`],
    ['core/x.ts', `/** See ${md('docs/a')}#no-such-heading. */`, 'has no heading #no-such-heading'],
    ['core/x.ts', '// written on /wo' + 'rk/shared/notes.txt', "a build machine's path"],
    ['core/x.ts', '// the log is in /tmp/' + 'banana-bench-1/out.json', "not one the project's code makes"],
    ['docs/a.md', `See [b](${md('b')}#nope).`, 'has no heading #nope'],
    ['docs/a.md', `See [c](${md('c')}).`, 'which does not exist'],
    ['docs/a.md', `See [root](${md('README')}).`, 'which does not exist'],
    ['docs/a.md', 'See [here](#nowhere).', 'has no heading #nowhere'],
  ])('%s: %s is refused', (path, text, what) => {
    expect(whats(path, text)).toEqual([expect.stringContaining(what)]);
  });

  it.each([
    ['core/x.ts', `/** Sizes come from the frame (${md('docs/a')}#sizes). */`],
    ['core/x.ts', `/** As ${md('README')} and ${md('dev/x/README')} say. */`],
    ['core/x.ts', "const colour = '#123';"],
    ['core/x.ts', '// penpot/penpot-exporter-figma-plugin#271 and https://github.com/o/r/issues/12'],
    ['core/x.ts', '// see https://example.com/guide.md#part'],
    ['core/x.ts', "const dir = mkdtempSync('/tmp/' + 'banana-');"],
    [
      'docs/a.md',
      `Starts /tmp/banana-pg; see [b](${md('b')}#sizes), [shot](shot.png), [root](../${md('README')}), [me](#sizes).`,
    ],
    ['docs/a.md', `\`createImage\` (\`PluginAPI.createImage\`, ${md('docs/b')}#figures-we-hold-ourselves-to).`],
  ])('%s: %s passes', (path, text) => {
    expect(whats(path, text)).toEqual([]);
  });

  it('says where: the line of each offence', () => {
    expect(whats('docs/a.md', `ok\n\nsee ${NOT_IN_TREE}`)).toEqual([expect.stringMatching(/^3: cites DESIGN/)]);
  });
});

describe('normalise', () => {
  it.each([
    ['docs/../README.md', 'README.md'],
    ['./docs//a.md', 'docs/a.md'],
    ['../outside.md', '../outside.md'],
  ])('%s → %s', (path, normal) => {
    expect(normalise(path)).toBe(normal);
  });
});
