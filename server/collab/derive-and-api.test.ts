/**
 * What rooms derive once edits settle (text, links), and API writes reaching open editors.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageLinks, pages, pageUpdates } from '@/db/schema';
import { applyMarkdown } from '@/server/pages/body';
import { writeDocument } from '@/server/pages/write-document';
import { addParagraph, apiTokenFor, bodyText, startCollab, synced, until, BODY, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, type Tree, type UserRow } from '@/test/factories';
import { TARGET_MARK } from '@/server/links/extract-links';

let h: Harness;
let tree: Tree;
let alice: UserRow;

beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 50 });
  tree = makeTree();
  alice = makeUser();
  addMembership(alice, tree.section);
});

afterAll(() => h.close());

const newPage = (title?: string) => makePage(alice, tree.section, { status: 'published', visibility: 'space', ...(title ? { title } : {}) });
const textOf = (id: string) => db().select({ text: pages.text }).from(pages).where(eq(pages.id, id)).get()!.text;
const linksFrom = (id: string) => db().select().from(pageLinks).where(eq(pageLinks.sourceId, id)).all();

/** A paragraph `before [[label]] after`, shaped as y-prosemirror writes a wikiLink node. */
function addLinkParagraph(doc: Y.Doc, before: string, target: { id: string; label: string }, after: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t1 = new Y.XmlText();
  t1.insert(0, before);
  const link = new Y.XmlElement('wikiLink');
  link.setAttribute('pageId', target.id);
  link.setAttribute('label', target.label);
  const t2 = new Y.XmlText();
  t2.insert(0, after);
  p.insert(0, [t1, link, t2]);
  doc.getXmlFragment(BODY).push([p]);
  return p;
}

describe('derivation after edits settle', () => {
  it('pages.text and page_links follow the live document', async () => {
    const target = newPage('Cible');
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    const p = addLinkParagraph(a.doc, 'Voir ', { id: target.id, label: 'Cible' }, ' pour la suite.');
    // The stored text holds no link label (a reader of this page may not read the target).
    await until(() => textOf(page.id).includes('Voir … pour la suite.'), 'text derived');
    // The stored snippet marks where the link stands; readers see the target's current title there.
    expect(linksFrom(page.id)).toEqual([{ sourceId: page.id, targetId: target.id, snippet: `Voir ${TARGET_MARK} pour la suite.` }]);
    // Removing the link removes the row.
    a.doc.getXmlFragment(BODY).delete(a.doc.getXmlFragment(BODY).toArray().indexOf(p), 1);
    addParagraph(a.doc, 'Sans lien');
    await until(() => textOf(page.id).includes('Sans lien'), 'text derived again');
    expect(textOf(page.id)).not.toContain('Voir …');
    expect(linksFrom(page.id)).toEqual([]);
  });
});

describe('API writes reach open editors', () => {
  it('writeDocument while a provider is connected: the provider receives it at once, stored and derived', async () => {
    const page = newPage();
    const a = h.provider(page.id, { token: apiTokenFor(alice) });
    await synced(a);
    addParagraph(a.doc, 'Tapé dans l’éditeur');
    const room = h.collab.rooms.get(page.id)!;
    await until(() => bodyText(room.doc).includes('Tapé dans l’éditeur'), 'edit applied');
    const received = new Promise<void>((resolve) => a.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === a && resolve()));
    const before = db().select().from(pageUpdates).where(eq(pageUpdates.pageId, page.id)).all().length;
    writeDocument(page.id, alice.id, (s) => applyMarkdown(s, 'Ajouté par **API**', 'append'));
    // Derived synchronously, before the call returns.
    expect(textOf(page.id)).toContain('Ajouté par API');
    await received;
    expect(bodyText(a.doc)).toContain('Ajouté par API');
    // Merged with the live text, not overwriting it.
    expect(bodyText(a.doc)).toContain('Tapé dans l’éditeur');
    expect(db().select().from(pageUpdates).where(eq(pageUpdates.pageId, page.id)).all().length).toBe(before + 1);
  });
});
