/**
 * The project's import graph, read from the source with TypeScript's own import scanner
 * (`ts.preProcessFile`: static imports, re-exports, `import()` and `require`, type-only imports
 * included), with `@/…` and relative imports resolved to files. Packages are left out. Used by
 * test/import-graph.test.ts (no circle) and by layering rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.tsx?$/;
const SKIP = new Set(['node_modules', '.next']);

/** Project-relative file → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.next')) continue;
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The project file an import names from `from`, or null (a package, or a file outside the graph). */
export function resolveImport(from: string, spec: string, files: ReadonlySet<string>): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (files.has(candidate)) return candidate;
  return null;
}

/** The import graph of every .ts/.tsx file under `dirs` (project-relative folders). */
export function buildImportGraph(dirs: readonly string[] = ['server', 'lib', 'app', 'components', 'db', 'seeds']): ImportGraph {
  const files = new Set(dirs.flatMap(sourceFiles));
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const to = resolveImport(file, fileName, files);
      if (to) targets.add(to);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * The import circles among the files `within` keeps: each strongly connected component of more
 * than one file (or a file importing itself), as one cycle through it (Tarjan, then a path back).
 */
export function importCycles(graph: ImportGraph, within: (file: string) => boolean = () => true): string[][] {
  const nodes = [...graph.keys()].filter(within).sort();
  const edges = (n: string) => (graph.get(n) ?? []).filter(within);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges(v).includes(v)) components.push(component.sort());
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  return components.map((component) => cycleThrough(component, edges));
}

/** One cycle through a strongly connected component: from its first file, a shortest way back to it. */
function cycleThrough(component: string[], edges: (n: string) => string[]): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of edges(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component, start];
}
