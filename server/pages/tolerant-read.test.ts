/**
 * Reading a document never fails: an element or a mark the schema does not know, content in the
 * wrong place, a 3,000-deep nesting — stored as they came from a websocket (in page_docs and in
 * the update log) — leave the page, its API, derivation, publication and HTML readable.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageDocs, pages } from '@/db/schema';
import { MAX_BODY_DEPTH } from '@/lib/editor/limits';
import { GET as getPageRoute } from '@/app/api/v1/pages/[id]/route';
import { params, read, req } from '@/app/api/v1/test-helpers';
import { appendUpdate } from '@/server/documents/store';
import { liveDocState } from '@/server/documents/live-state';
import { apiTokenFor, BODY } from '@/test/collab-harness';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { jsonToHTML, jsonToMarkdown, jsonToText, markdownToJSON, renderBody, yStateToJSON } from './body';
import { derivePage } from './derive';
import { getPage, updatePage } from './page-service';
import { toSchemaDoc } from './sanitize';
import { editorSchema } from './body';

const tree = makeTree();
const author = makeUser();
addMembership(author, tree.section);
const citizen = makeUser({ siteRole: 'citizen' });

function paragraph(text: string, format?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, format);
  p.insert(0, [t]);
  return p;
}

/** What a hostile or foreign client may send, as updates over `base`. */
function hostileUpdates(base: Uint8Array): { stored: Uint8Array; logged: Uint8Array[] } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const body = doc.getXmlFragment(BODY);
  const at = () => Y.encodeStateVector(doc);

  // Stored state: an element the schema does not know, holding a paragraph; a list item
  // outside any list; a paragraph inside a paragraph.
  const marquee = new Y.XmlElement('marquee');
  marquee.setAttribute('behavior', 'scroll');
  marquee.insert(0, [paragraph('Texte dans un élément inconnu.')]);
  const stray = new Y.XmlElement('listItem');
  stray.insert(0, [paragraph('Un point hors de toute liste.')]);
  const outer = new Y.XmlElement('paragraph');
  outer.insert(0, [paragraph('Un paragraphe dans un paragraphe.')]);
  body.push([marquee, stray, outer]);
  const stored = Y.encodeStateAsUpdate(doc);

  // Update log: a mark the schema does not know, an attribute of the wrong kind, and a nesting
  // 3,000 deep with text at the bottom (built one level per insert, as a client sends it).
  const logged: Uint8Array[] = [];
  let sv = at();
  body.push([paragraph('Texte marqué.', { blink: { speed: 3 } })]);
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', { evil: true } as unknown as string);
  heading.insert(0, [new Y.XmlText('Titre au niveau étrange')]);
  body.push([heading]);
  logged.push(Y.encodeStateAsUpdate(doc, sv));
  sv = at();
  doc.transact(() => {
    let parent = new Y.XmlElement('blockquote');
    body.push([parent]);
    for (let i = 1; i < 3000; i++) {
      const child = new Y.XmlElement(i % 2 ? 'blockquote' : 'mystery');
      parent.insert(0, [child]);
      parent = child;
    }
    parent.insert(0, [paragraph('Tout au fond du puits.')]);
  });
  logged.push(Y.encodeStateAsUpdate(doc, sv));
  return { stored, logged };
}

const READABLE = ['Texte de départ.', 'Texte dans un élément inconnu.', 'Un point hors de toute liste.', 'Un paragraphe dans un paragraphe.', 'Texte marqué.', 'Titre au niveau étrange', 'Tout au fond du puits.'];

function breakPage(pageId: string): void {
  const { stored, logged } = hostileUpdates(liveDocState(pageId));
  db().update(pageDocs).set({ state: Buffer.from(stored), stateVector: null, updatedAt: new Date() }).where(eq(pageDocs.pageId, pageId)).run();
  for (const u of logged) appendUpdate(pageId, u, author.id);
}

describe('a document holding what the schema does not know', () => {
  it('reads as JSON, text, Markdown and HTML that keep its readable text', () => {
    const page = makePage(author, tree.section, { markdown: 'Texte de départ.' });
    breakPage(page.id);
    const state = liveDocState(page.id);
    const body = renderBody(state);
    for (const t of READABLE) {
      expect(body.text).toContain(t);
      expect(body.markdown).toContain(t);
      expect(jsonToHTML(body.json)).toContain(t);
    }
    expect(JSON.stringify(body.json)).not.toMatch(/marquee|blink|mystery|evil/);
    // The repaired document is one the schema holds, and nests no deeper than the limit.
    expect(() => editorSchema.nodeFromJSON(body.json).check()).not.toThrow();
    expect(toSchemaDoc(editorSchema, body.json).repaired).toBe(false);
    expect(jsonToText(yStateToJSON(state))).toBe(body.text);
  });

  it('leaves the page, its API, derivation and publication working', async () => {
    const page = makePage(author, tree.section, { markdown: 'Texte de départ.', visibility: 'public', status: 'draft' });
    breakPage(page.id);

    const member = getPage(viewerOf(author), page.id);
    for (const t of READABLE) expect(member.body.text).toContain(t);
    expect(jsonToHTML(member.body.json)).toContain('Tout au fond du puits.');

    const api = await read(await getPageRoute(req(`/api/v1/pages/${page.id}`, { token: apiTokenFor(author) }), params({ id: page.id })));
    expect(api.status, api.text).toBe(200);
    for (const t of READABLE) expect(api.body.markdown).toContain(t);

    derivePage(page.id, liveDocState(page.id), [author.id]);
    const row = db().select({ text: pages.text }).from(pages).where(eq(pages.id, page.id)).get()!;
    for (const t of READABLE) expect(row.text).toContain(t);

    // Publishing takes a version of the live text: the public reads it.
    updatePage(viewerOf(author), page.id, { status: 'published' });
    const publicView = getPage(viewerOf(citizen), page.id);
    for (const t of READABLE) expect(publicView.body.text).toContain(t);
    expect(jsonToHTML(publicView.body.json)).toContain('Texte dans un élément inconnu.');
    const anonymous = await read(await getPageRoute(req(`/api/v1/pages/${page.id}`), params({ id: page.id })));
    expect(anonymous.status, anonymous.text).toBe(200);
    expect(anonymous.body.text).toContain('Tout au fond du puits.');
  });

  it('cuts a nesting deeper than MAX_BODY_DEPTH, keeping its text, without recursing through it', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'Au fond.' }] };
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    const deep = { type: 'doc', content: [node] };
    const { node: doc, repaired } = toSchemaDoc(editorSchema, deep);
    expect(repaired).toBe(true);
    let depth = 0;
    doc.descendants((n, pos) => {
      if (!n.isText) depth = Math.max(depth, doc.resolve(pos).depth + 1);
    });
    expect(depth).toBe(MAX_BODY_DEPTH);
    expect(jsonToText(deep)).toBe('Au fond.');
    expect(jsonToHTML(deep)).toContain('Au fond.');
    expect(jsonToMarkdown(deep)).toContain('Au fond.');
  });

  it('refuses Markdown nested past the limit on write', () => {
    expect(markdownToJSON(`${'> '.repeat(MAX_BODY_DEPTH - 2)}assez profond`).content).toHaveLength(1);
    expectAppError(() => markdownToJSON(`${'> '.repeat(MAX_BODY_DEPTH + 5)}trop profond`), 'invalid_input', 'markdown');
  });
});
