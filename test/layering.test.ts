/**
 * The floors stand on each other in one direction: lib/ (code the browser may run) reaches
 * neither server/ nor db/; routes (app/) reach the domain, never the database itself; db/ stands
 * below the domains. Read from the project's import graph (test/import-graph.ts: static imports,
 * re-exports, `import()` and `require`), so a rule broken anywhere fails here, naming each import.
 */
import { describe, expect, it } from 'vitest';
import { buildImportGraph } from './import-graph';

const graph = buildImportGraph();
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const under = (file: string, floors: string[]) => floors.some((floor) => file.startsWith(`${floor}/`));

/** Each import from a file of `floors` (tests and `except` aside) of a file under `forbidden`. */
function offences(floors: string[], forbidden: string[], except: string[] = []): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (!under(file, floors) || isTest(file) || except.includes(file)) continue;
    for (const to of targets) if (under(to, forbidden)) found.push(`${file} → ${to}`);
  }
  return found.sort();
}

describe('layering', () => {
  it('sees imports of every form', () => {
    expect(offences(['db'], ['lib'])).toContain('db/client.ts → lib/text/fold.ts');
    expect(offences(['app'], ['seeds'])).toContain('app/connexion/page.tsx → seeds/personas.ts'); // an import()
  });

  it('lib/ imports nothing from server/ or db/', () => {
    expect(offences(['lib'], ['server', 'db'])).toEqual([]);
  });

  it('routes import nothing from db/ (their tests reach it through test/factories.ts)', () => {
    expect(offences(['app'], ['db'])).toEqual([]);
  });

  it('db/ imports nothing from server/ nor from the seeds above the domains', () => {
    expect(offences(['db'], ['server', 'seeds'])).toEqual([]);
  });
});
