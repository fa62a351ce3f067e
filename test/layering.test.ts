/**
 * The floors stand on each other in one direction: lib/ (code the browser may run) reaches
 * neither server/ nor db/; routes (app/) reach the domain, never the database itself; db/ stands
 * below the domains. Read from the source with TypeScript's own import scanner (static imports,
 * re-exports, `import()` and `require`), so a rule broken anywhere fails here, naming each import.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (SOURCE.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The project path an import names (`@/x` or relative), or null for a package. */
function target(from: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return null;
}

type Offence = `${string} → ${string}`;

/** Each import of a file of `dirs` (tests and `except` aside) that reaches one of `forbidden`. */
function offences(dirs: string[], forbidden: string[], except: string[] = []): Offence[] {
  const found: Offence[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    if (isTest(file) || except.includes(file)) continue;
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const to = target(file, fileName);
      if (to && forbidden.some((floor) => to === floor || to.startsWith(`${floor}/`))) found.push(`${file} → ${fileName}`);
    }
  }
  return found;
}

describe('layering', () => {
  it('the scanner sees imports of every form', () => {
    expect(offences(['db'], ['lib'])).toContain('db/client.ts → ../lib/text/fold');
    expect(offences(['server'], ['seeds'])).toContain('server/index.ts → @/seeds/demo'); // an import()
  });

  it('lib/ imports nothing from server/ or db/', () => {
    expect(offences(['lib'], ['server', 'db'])).toEqual([]);
  });

  it('routes import nothing from db/ (the API tests’ helpers aside)', () => {
    expect(offences(['app'], ['db'], ['app/api/v1/test-helpers.ts'])).toEqual([]);
  });

  it('db/ imports nothing from server/ nor from the seeds above the domains', () => {
    expect(offences(['db'], ['server', 'seeds'])).toEqual([]);
  });
});
