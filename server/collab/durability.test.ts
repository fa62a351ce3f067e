/**
 * Durable before relay: what any client has seen is in SQLite, across `kill -9`; a failed load
 * never overwrites a stored document; a failed write is neither acknowledged nor relayed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageDocs, pages, pageUpdates } from '@/db/schema';
import { CLOSE } from './config';
import { loadDocState, logLength } from '@/server/documents/store';
import {
  addParagraph,
  apiTokenFor,
  bodyText,
  connectProvider,
  containsAll,
  docOf,
  nextClose,
  serverRoundTrip,
  startCollab,
  synced,
  until,
  twoMembersOfASection,
  type Harness,
} from '@/test/collab-harness';
import { makePage } from '@/test/factories';

let h: Harness | null = null;
const { tree, alice, bob } = twoMembersOfASection();

afterEach(async () => {
  await h?.close();
  h = null;
});

const newPage = (markdown = '') => makePage(alice, tree.section, { status: 'published', visibility: 'space', markdown });

describe('a failed load', () => {
  it('closes the socket with 1011 and never stores anything over the stored document', async () => {
    h = await startCollab({ idleUnloadMs: 10 });
    const page = newPage('Texte précieux');
    const corrupt = Buffer.from('not a yjs update at all');
    db().update(pageDocs).set({ state: corrupt }).where(eq(pageDocs.pageId, page.id)).run();
    const before = db().select().from(pageDocs).where(eq(pageDocs.pageId, page.id)).get()!;
    const c = h.raw(page.id, { token: apiTokenFor(alice) });
    const closed = await c.closed;
    expect(closed.code).toBe(CLOSE.serverError);
    expect(c.messages).toHaveLength(0);
    expect(h.collab.rooms.has(page.id)).toBe(false);
    // A second attempt fails the same way: nothing empty was cached or stored.
    const again = h.raw(page.id, { token: apiTokenFor(alice) });
    expect((await again.closed).code).toBe(CLOSE.serverError);
    const after = db().select().from(pageDocs).where(eq(pageDocs.pageId, page.id)).get()!;
    expect(Buffer.compare(after.state, corrupt)).toBe(0);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(logLength(page.id)).toBe(0);
  });
});

describe('a failed SQLite write', () => {
  it('is neither acknowledged nor relayed; the sender is closed 1011 and re-syncs once writes work', async () => {
    h = await startCollab();
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const sqlite = db().$client;
    sqlite.exec("CREATE TRIGGER refuse_updates BEFORE INSERT ON page_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      const closing = nextClose(a);
      addParagraph(a.doc, 'Écrit pendant la panne');
      expect((await closing).code).toBe(CLOSE.serverError);
      await serverRoundTrip(b); // anything relayed before now has reached b
      expect(bodyText(b.doc)).not.toContain('Écrit pendant la panne');
      expect(bodyText(h.collab.rooms.get(page.id)!.doc)).not.toContain('Écrit pendant la panne');
    } finally {
      sqlite.exec('DROP TRIGGER refuse_updates');
    }
    // The provider reconnects by itself and its SyncStep2 carries the edit.
    await until(() => bodyText(b.doc).includes('Écrit pendant la panne'), 'edit synced after recovery');
    expect(bodyText(docOf(loadDocState(page.id).state))).toContain('Écrit pendant la panne');
  });
});

// --- kill -9 ---------------------------------------------------------------------------------

type Child = { proc: ChildProcess; url: string };

async function startChild(env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'collab-child.ts')], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: proc.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { port?: number };
        if (msg.port) resolve(msg.port);
      } catch {
        // other output
      }
    });
  });
  return { proc, url: `ws://127.0.0.1:${port}/collab` };
}

function kill9(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.proc.once('exit', () => resolve());
    child.proc.kill('SIGKILL');
  });
}

describe('kill -9', () => {
  it('everything a client received is in the restarted server’s document', { timeout: 90_000 }, async () => {
    const page = newPage();
    const children: Child[] = [];
    const providers: { destroy(): void }[] = [];
    try {
      const first = await startChild();
      children.push(first);
      const writer = connectProvider(first.url, page.id, { token: apiTokenFor(alice) });
      const observer = connectProvider(first.url, page.id, { token: apiTokenFor(bob) });
      providers.push(writer, observer);
      await Promise.all([synced(writer), synced(observer)]);
      const text = addParagraph(writer.doc, '');
      let n = 0;
      const typing = setInterval(() => {
        for (let i = 0; i < 3; i++) text.insert(text.length, String.fromCharCode(97 + (n++ % 26)));
      }, 2);
      // Mid-typing: the observer has seen some of it, the writer is still going.
      await until(() => bodyText(observer.doc).length > 300, 'observer to receive typing', 20_000);
      const observerClosed = nextClose(observer);
      await kill9(first);
      clearInterval(typing);
      await observerClosed;
      const seen = Y.encodeStateAsUpdate(observer.doc);
      const seenText = bodyText(observer.doc);
      writer.destroy();
      observer.destroy();

      const second = await startChild();
      children.push(second);
      const reader = connectProvider(second.url, page.id, { token: apiTokenFor(bob) });
      providers.push(reader);
      await synced(reader);
      expect(containsAll(reader.doc, docOf(seen))).toBe(true);
      expect(bodyText(reader.doc).startsWith(seenText)).toBe(true);
      expect(bodyText(reader.doc).length).toBeGreaterThanOrEqual(seenText.length);
      // And it is on disk, not only in the second server's memory.
      expect(bodyText(docOf(loadDocState(page.id).state)).startsWith(seenText)).toBe(true);
      expect(db().select({ id: pageUpdates.id }).from(pageUpdates).where(eq(pageUpdates.pageId, page.id)).all().length).toBeGreaterThan(0);
    } finally {
      for (const p of providers) p.destroy();
      for (const c of children) await kill9(c);
    }
  });
});

// --- SIGTERM ---------------------------------------------------------------------------------

describe('SIGTERM', () => {
  it('derives what is pending, closes the sockets and exits 0', { timeout: 60_000 }, async () => {
    const page = newPage();
    // Derivation a minute away: only the shutdown flush can write the page's text in time.
    const child = await startChild({ CHILD_DERIVE_DEBOUNCE_MS: '60000' });
    const writer = connectProvider(child.url, page.id, { token: apiTokenFor(alice) });
    try {
      await synced(writer);
      addParagraph(writer.doc, 'Écrit juste avant l’arrêt');
      await serverRoundTrip(writer);
      expect(db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()?.text).not.toContain('Écrit juste avant');
      const closed = nextClose(writer);
      const exited = new Promise<number | null>((resolve) => child.proc.once('exit', (code) => resolve(code)));
      child.proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect((await closed).code).toBe(CLOSE.restart);
      expect(db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()?.text).toContain('Écrit juste avant l’arrêt');
      expect(bodyText(docOf(loadDocState(page.id).state))).toContain('Écrit juste avant l’arrêt');
    } finally {
      writer.destroy();
      await kill9(child);
    }
  });
});
