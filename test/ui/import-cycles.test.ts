/**
 * No import circles among the panel's and the pure logic's files (ui/ and core/): each file's relative imports,
 * `import type` included, are read with a regular expression and the graph is searched depth first for a path that
 * comes back to where it started. A circle means two files each need the other to be understood.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
}

/** Each file's relative imports, as paths from the repository root (`.js` in a specifier is the `.ts`/`.tsx` file). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) => {
      const path = relative(ROOT, resolve(ROOT, dirname(file), match[1]!));
      return [path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx')].find((p) => known.has(p)) ?? path;
    });
    graph.set(
      file,
      targets.filter((target) => known.has(target)),
    );
  }
  return graph;
}

/** One circle of the graph, as the files on it, or null when there is none. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    const open = path.indexOf(file);
    if (open >= 0) return [...path.slice(open), file];
    if (done.has(file)) return null;
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('imports in ui/ and core/', () => {
  const graph = importGraph([...sourceFiles('ui'), ...sourceFiles('core')]);

  it('reads the imports it checks', () => {
    expect(graph.get('ui/actions/generate.ts')).toContain('ui/actions/prepare-turn.ts');
    expect(graph.get('ui/main.tsx')?.length).toBeGreaterThan(3);
  });

  it('form no circle', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('the search finds a circle when there is one', () => {
    const circle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycle(circle)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toBeNull();
  });
});
