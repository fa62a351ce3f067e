/**
 * Update logs no room folded (a crash, a foreign writer) are folded at start-up; writes without
 * a room keep their log short.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageDocs } from '@/db/schema';
import { applyMarkdown } from '@/server/pages/body';
import { addParagraph, bodyText, until } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, type Tree, type UserRow } from '@/test/factories';
import { appendUpdate, loadDocState, logLength } from '@/server/documents/store';
import { recoverUpdateLogs } from './recovery';
import { writeDocument } from '@/server/pages/write-document';

let tree: Tree;
let alice: UserRow;

beforeAll(() => {
  tree = makeTree();
  alice = makeUser();
  addMembership(alice, tree.section);
});

afterEach(() => {
  delete process.env.COLLAB_COMPACT_EVERY;
});

/** A page whose log holds `n` paragraphs appended as separate updates, as a crash leaves it. */
function pageWithLog(n: number, label: string) {
  const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocState(page.id).state);
  for (let i = 0; i < n; i++) {
    const before = Y.encodeStateVector(doc);
    addParagraph(doc, `${label} ${i}`);
    appendUpdate(page.id, Y.encodeStateAsUpdate(doc, before), alice.id);
  }
  return page;
}

const textOf = (pageId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocState(pageId).state);
  return bodyText(doc);
};

describe('start-up recovery', () => {
  it('folds every leftover log into the stored state (with its state vector), losing nothing', () => {
    const a = pageWithLog(30, 'Paragraphe A');
    const b = pageWithLog(3, 'Paragraphe B');
    const result = recoverUpdateLogs({ background: false });
    expect(result.folded).toBeGreaterThanOrEqual(2);
    expect(result.pending).toBe(0);
    for (const [page, label, n] of [[a, 'Paragraphe A', 30], [b, 'Paragraphe B', 3]] as const) {
      expect(logLength(page.id)).toBe(0);
      expect(db().select().from(pageDocs).where(eq(pageDocs.pageId, page.id)).get()!.stateVector).not.toBeNull();
      const text = textOf(page.id);
      for (let i = 0; i < n; i++) expect(text).toContain(`${label} ${i}`);
    }
  });

  it('past its budget, folds the rest in the background and leaves pages a room holds to that room', async () => {
    const open = pageWithLog(4, 'Ouvert');
    const closed = pageWithLog(5, 'Fermé');
    const result = recoverUpdateLogs({ budgetMs: 0, isOpen: (id) => id === open.id });
    expect(result.folded).toBe(0);
    expect(result.pending).toBeGreaterThanOrEqual(2);
    await until(() => logLength(closed.id) === 0, 'background fold');
    expect(textOf(closed.id)).toContain('Fermé 4');
    await new Promise((r) => setTimeout(r, 50));
    expect(logLength(open.id)).toBe(4);
  });
});

describe('a write without a room', () => {
  it('folds the log once it reaches COLLAB_COMPACT_EVERY updates', () => {
    process.env.COLLAB_COMPACT_EVERY = '4';
    const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
    for (let i = 1; i <= 3; i++) {
      writeDocument(page.id, alice.id, (s) => applyMarkdown(s, `Ajout ${i}`, 'append'));
      expect(logLength(page.id)).toBe(i);
    }
    writeDocument(page.id, alice.id, (s) => applyMarkdown(s, 'Ajout 4', 'append'));
    expect(logLength(page.id)).toBe(0);
    const text = textOf(page.id);
    for (let i = 1; i <= 4; i++) expect(text).toContain(`Ajout ${i}`);
  });
});
