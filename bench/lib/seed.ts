/**
 * A small Coopol world for the collaboration benches, made through the domain functions: an
 * admin who builds national → federation → section, one party member of that section who writes
 * `pages` pages there, and an API token of hers (the harness sends it as `?token=`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { db, openDb, useDb as setProcessDb } from '@/db/client';
import { insertUser } from '@/seeds/people';
import { loadViewer } from '@/server/auth/load-viewer';
import { createPage } from '@/server/pages/page-service';
import { addMember, createSubspace, ensureNationalSpace } from '@/server/spaces/space-service';
import { createApiToken } from '@/server/users/api-tokens';

export type BenchWorld = { dataDir: string; userId: string; token: string; sectionId: string; pageIds: string[] };

export function benchTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `coopol-${prefix}-`));
}

/** Opens (and migrates) the database of `dataDir` as this process's handle. */
export function openDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  process.env.DATA_DIR = dataDir;
  setProcessDb(openDb(path.join(dataDir, 'coopol.sqlite')));
}

export function seedBenchWorld(dataDir: string, pages: number): BenchWorld {
  openDataDir(dataDir);
  const admin = loadViewer(insertUser({ email: 'admin@bench.test', name: 'Admin bench', siteRole: 'admin' }));
  const national = ensureNationalSpace();
  const federation = createSubspace(admin, { parentId: national.id, name: 'Fédération bench' });
  const section = createSubspace(admin, { parentId: federation.id, name: 'Section bench' });
  const email = 'militante@bench.test';
  const userId = insertUser({ email, name: 'Militante bench', siteRole: 'member' });
  addMember(admin, section.id, { email });
  const writer = loadViewer(userId);
  const pageIds: string[] = [];
  for (let i = 0; i < pages; i++) pageIds.push(createPage(writer, { spaceId: section.id, title: `Texte bench ${i + 1}` }).id);
  const token = createApiToken(userId, 'bench').token;
  return { dataDir, userId, token, sectionId: section.id, pageIds };
}

/** Checkpoints and closes this process's handle, so a server (or a copy) owns the files. */
export function closeDataDir(): void {
  const client = db().$client;
  client.pragma('wal_checkpoint(TRUNCATE)');
  client.close();
}
