/**
 * transactDocument: a targeted change committed with the caller's rows, relayed only after the
 * commit, lost nowhere when clients type at the same time, and never seen when it fails.
 */
import * as Y from 'yjs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageAuthors, pageDocClients, pages } from '@/db/schema';
import { addParagraph, apiTokenFor, bodyText, docOf, serverRoundTrip, startCollab, synced, twoMembersOfASection, until, BODY, type Harness } from '@/test/collab-harness';
import { makePage } from '@/test/factories';
import { liveDocState } from './live-state';
import { logLength } from './store';
import { transactDocument } from './transact';

let h: Harness;
const { tree, alice, bob } = twoMembersOfASection();

beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 50 });
});
afterAll(() => h.close());

const newPage = () => makePage(alice, tree.section, { status: 'published', visibility: 'space' });
const titleOf = (id: string) => db().select({ title: pages.title }).from(pages).where(eq(pages.id, id)).get()!.title;
const textOf = (id: string) => db().select({ text: pages.text }).from(pages).where(eq(pages.id, id)).get()!.text;
const storedText = (id: string) => {
  const doc = docOf(liveDocState(id));
  const text = bodyText(doc);
  doc.destroy();
  return text;
};
/** Appends a paragraph through transactDocument, renaming the page in the same transaction. */
const appendWithTitle = (pageId: string, text: string, title: string) =>
  transactDocument(pageId, bob.id, (doc, tx) => {
    addParagraph(doc, text);
    tx.update(pages).set({ title }).where(eq(pages.id, pageId)).run();
    return doc.clientID;
  });

describe('transactDocument without an open room', () => {
  it('stores the change with the caller’s row, owned by the actor', () => {
    const page = newPage();
    const before = logLength(page.id);
    const { value: clientId, update } = appendWithTitle(page.id, 'Amendement adopté', 'Titre amendé');
    expect(update).not.toBeNull();
    expect(logLength(page.id)).toBe(before + 1);
    expect(storedText(page.id)).toContain('Amendement adopté');
    expect(titleOf(page.id)).toBe('Titre amendé');
    const owner = db()
      .select({ userId: pageDocClients.userId })
      .from(pageDocClients)
      .where(and(eq(pageDocClients.pageId, page.id), eq(pageDocClients.clientId, clientId)))
      .get()?.userId;
    expect(owner).toBe(bob.id);
  });

  it('stores nothing when the callback changes nothing', () => {
    const page = newPage();
    const before = logLength(page.id);
    const { update, value } = transactDocument(page.id, bob.id, () => 42);
    expect(value).toBe(42);
    expect(update).toBeNull();
    expect(logLength(page.id)).toBe(before);
  });

  it('refuses an element the body cannot hold, storing nothing', () => {
    const page = newPage();
    const before = logLength(page.id);
    expect(() =>
      transactDocument(page.id, bob.id, (doc) => {
        doc.getXmlFragment(BODY).push([new Y.XmlElement('script')]);
      }),
    ).toThrow(/cannot be stored/);
    expect(logLength(page.id)).toBe(before);
  });
});

describe('transactDocument inside a caller’s transaction', () => {
  it('commits or rolls back with it when no room holds the page, and is refused when one does', async () => {
    const page = newPage();
    const before = logLength(page.id);
    expect(() =>
      db().transaction(() => {
        appendWithTitle(page.id, 'Avec la transaction', 'Renommé puis annulé');
        throw new Error('annulé');
      }),
    ).toThrow('annulé');
    expect(logLength(page.id)).toBe(before);
    expect(storedText(page.id)).not.toContain('Avec la transaction');
    db().transaction(() => void appendWithTitle(page.id, 'Avec la transaction', 'Renommé'));
    expect(storedText(page.id)).toContain('Avec la transaction');
    expect(titleOf(page.id)).toBe('Renommé');
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    expect(() => db().transaction(() => void appendWithTitle(page.id, 'Trop tôt', 'Jamais'))).toThrow(/own transaction/);
    expect(storedText(page.id)).not.toContain('Trop tôt');
  });
});

describe('transactDocument with an open room', () => {
  it('a throwing callback stores nothing, rolls the caller’s row back and relays nothing', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Texte de départ');
    await until(() => storedText(page.id).includes('Texte de départ'), 'typing stored');
    const seen: Uint8Array[] = [];
    a.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === a) seen.push(u);
    });
    const before = logLength(page.id);
    const title = titleOf(page.id);
    expect(() =>
      transactDocument(page.id, bob.id, (doc, tx) => {
        addParagraph(doc, 'Jamais vu');
        tx.update(pages).set({ title: 'Jamais renommé' }).where(eq(pages.id, page.id)).run();
        throw new Error('refusé par le domaine');
      }),
    ).toThrow('refusé par le domaine');
    await serverRoundTrip(a); // everything the server sent before now has arrived
    expect(seen).toEqual([]);
    expect(bodyText(a.doc)).not.toContain('Jamais vu');
    expect(storedText(page.id)).not.toContain('Jamais vu');
    expect(logLength(page.id)).toBe(before);
    expect(titleOf(page.id)).toBe(title);
  });

  it('a transaction that fails at its commit stores nothing and relays nothing', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    const before = logLength(page.id);
    expect(() =>
      transactDocument(page.id, bob.id, (doc, tx) => {
        addParagraph(doc, 'Jamais validé');
        // A row naming no one: refused by the foreign key, checked only at COMMIT.
        tx.run(sql`pragma defer_foreign_keys = on`);
        tx.insert(pageAuthors).values({ pageId: page.id, userId: 'personne' }).run();
      }),
    ).toThrow(/FOREIGN KEY/);
    await serverRoundTrip(a);
    expect(bodyText(a.doc)).not.toContain('Jamais validé');
    expect(storedText(page.id)).not.toContain('Jamais validé');
    expect(logLength(page.id)).toBe(before);
  });

  it('lands between the updates of clients typing, and every word of everyone survives', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    const b = h.provider(page.id, { token: apiTokenFor(bob) });
    await Promise.all([synced(a), synced(b)]);
    const ta = addParagraph(a.doc, '');
    const tb = addParagraph(b.doc, '');
    const typed = { a: '', b: '' };
    const server: string[] = [];
    for (let i = 0; i < 40; i++) {
      const ca = String.fromCharCode(97 + (i % 26));
      ta.insert(ta.length, ca);
      typed.a += ca;
      const cb = String.fromCharCode(65 + (i % 26));
      tb.insert(tb.length, cb);
      typed.b += cb;
      if (i % 5 === 2) {
        const words = `serveur-${i}`;
        transactDocument(page.id, bob.id, (doc) => {
          addParagraph(doc, words);
        });
        server.push(words);
      }
      await new Promise((r) => setTimeout(r, i % 3));
    }
    const holdsAll = (text: string) => text.includes(typed.a) && text.includes(typed.b) && server.every((w) => text.includes(w));
    await until(() => holdsAll(bodyText(a.doc)) && holdsAll(bodyText(b.doc)) && holdsAll(storedText(page.id)), 'everyone converges', 10_000);
    expect(bodyText(a.doc)).toBe(bodyText(b.doc));
    expect(storedText(page.id)).toBe(bodyText(a.doc));
  });

  it('the room derives the change once edits settle', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    appendWithTitle(page.id, 'Texte dérivé ensuite', 'Renommé avec le texte');
    await until(() => bodyText(a.doc).includes('Texte dérivé ensuite'), 'relayed');
    await until(() => textOf(page.id).includes('Texte dérivé ensuite'), 'derived');
    expect(titleOf(page.id)).toBe('Renommé avec le texte');
  });
});
