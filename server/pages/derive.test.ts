/**
 * Derivation counts a change only when the text changed: the empty paragraph an editor adds after
 * a final list or heading (tiptap's trailing node) is no change and makes nobody an author.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageAuthors } from '@/db/schema';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { appendUpdate } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { addMembership, makePage, makeTree, makeUser, storedPage } from '@/test/factories';
import { derivePage } from './derive';

const tree = makeTree();
const alice = makeUser({ name: 'Alice' });
const visitor = makeUser({ name: 'Victor' });
addMembership(alice, tree.section);
addMembership(visitor, tree.section);

/** What a visitor's editor sends when it opens the page: one empty paragraph at the end, or `text` in it. */
function appendParagraph(pageId: string, who: { id: string }, text = ''): void {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, liveDocState(pageId));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  if (text) paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  body.insert(body.length, [paragraph]);
  appendUpdate(pageId, Y.encodeStateAsUpdate(doc, before), who.id);
  doc.destroy();
  derivePage(pageId, liveDocState(pageId), [who.id], new Date(Date.now() + 60_000));
}

const rowOf = (id: string) => storedPage(id)!;
const authorsOf = (id: string) => db().select({ id: pageAuthors.userId }).from(pageAuthors).where(eq(pageAuthors.pageId, id)).all().map((r) => r.id);

describe('derivePage', () => {
  it('an empty paragraph added after a final list is no change and makes no author', () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'members', markdown: '# Propositions\n\n- une\n- deux' });
    const before = rowOf(page.id);
    appendParagraph(page.id, visitor);
    const after = rowOf(page.id);
    expect(after.contentUpdatedAt?.getTime()).toBe(before.contentUpdatedAt?.getTime());
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(authorsOf(page.id)).toEqual([alice.id]);
  });

  it('a paragraph with words in it is a change, and its writer an author', () => {
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'members', markdown: '- une\n- deux' });
    const before = rowOf(page.id);
    appendParagraph(page.id, visitor, 'Trois.');
    const after = rowOf(page.id);
    expect(after.contentUpdatedAt!.getTime()).toBeGreaterThan(before.contentUpdatedAt?.getTime() ?? 0);
    expect(authorsOf(page.id).sort()).toEqual([alice.id, visitor.id].sort());
  });
});
