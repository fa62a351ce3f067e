/**
 * No import circle in server/ or lib/: a circle means two modules cannot be understood, tested
 * or moved apart (server/collab once doubled as the domain's document store, and the websocket
 * transport, the pages, the users and the versions all imported each other through it).
 */
import { describe, expect, it } from 'vitest';
import { buildImportGraph, importCycles } from './import-graph';

describe('import graph', () => {
  const graph = buildImportGraph();

  it('resolves @/ and relative imports to files', () => {
    expect(graph.get('server/documents/transact.ts')).toEqual(expect.arrayContaining(['db/client.ts', 'server/documents/store.ts']));
  });

  it('finds a circle when there is one', () => {
    const toy = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['e.ts', 'e.ts']]);
  });

  it('only the process (server/index.ts) reaches server/collab/: the domain reaches rooms through server/documents', () => {
    const reaching = [...graph]
      .filter(([file]) => !file.startsWith('server/collab/') && file !== 'server/index.ts' && !/\.test\.tsx?$/.test(file))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('server/collab/')).map((t) => `${file} → ${t}`));
    expect(reaching).toEqual([]);
  });

  it('has no circle within server/ and lib/', () => {
    const cycles = importCycles(graph, (file) => file.startsWith('server/') || file.startsWith('lib/'));
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
