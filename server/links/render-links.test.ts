import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { addMembership, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { jsonToHTML, jsonToText } from '@/server/pages/body';
import { updatePage } from '@/server/pages/page-service';
import { renderLinks } from './render-links';

const tree = makeTree('Rendu');
const writer = makeUser();
addMembership(writer, tree.section);
const outsider = makeUser();
addMembership(outsider, tree.otherSection);
const open = makePage(writer, tree.section, { title: 'Texte ouvert', visibility: 'public', status: 'published' });
const closed = makePage(writer, tree.section, { title: 'Texte du bureau', visibility: 'space', status: 'published' });

const link = (pageId: string, label: string): JSONContent => ({ type: 'wikiLink', attrs: { pageId, label } });
const doc: JSONContent = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Voir ' }, link(open.id, 'Ancien titre'), { type: 'text', text: ' et ' }, link(closed.id, 'Texte du bureau'), link('nope', 'Disparu')] }],
};

describe('renderLinks', () => {
  it('shows current titles to readers and "page privée" without id to others', () => {
    updatePage(viewerOf(writer), open.id, { title: 'Nouveau titre' });
    const mine = renderLinks(viewerOf(writer), doc);
    expect(jsonToText(mine, { linkLabels: true })).toBe('Voir Nouveau titre et Texte du bureaupage privée');
    const theirs = renderLinks(viewerOf(outsider), doc);
    expect(jsonToText(theirs, { linkLabels: true })).toBe('Voir Nouveau titre et page privéepage privée');
    // Stored text never carries a label (a reader of the page may not read the target).
    expect(jsonToText(doc)).toBe('Voir … et ……');
    const html = jsonToHTML(theirs);
    expect(html).not.toContain('Texte du bureau');
    expect(html).not.toContain(closed.id);
    // Anonymous readers see the title that was published (the rename is not).
    expect(jsonToText(renderLinks(null, doc, { locale: 'en' }), { linkLabels: true })).toBe('Voir Texte ouvert et private pageprivate page');
    expect(JSON.stringify(doc)).toContain('Ancien titre'); // the input is left alone
  });

  it('returns a document without links unchanged', () => {
    const plain: JSONContent = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
    expect(renderLinks(null, plain)).toBe(plain);
  });
});
