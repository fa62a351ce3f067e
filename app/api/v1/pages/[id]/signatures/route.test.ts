import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { transactDocument } from '@/server/documents/transact';
import { derivePage } from '@/server/pages/derive';
import { changeStage } from '@/server/motions/motion-service';
import { createPage } from '@/server/pages/page-service';
import { params, person, read, req, territory, viewerOf, type Person } from '../../../test-helpers';
import { GET as getPage } from '../route';
import { DELETE, GET, POST } from './route';

const t = territory();
const author = person('member', [[t.section.id, 'member']]);
const neighbour = person('member', [[t.section.id, 'member']]);
const colmar = person('member', [[t.otherSection.id, 'member']]);
const secretary = person('member', [[t.section.id, 'secretary']]);
const citizen = person('citizen');

const path = (id: string) => `/api/v1/pages/${id}/signatures`;
const sign = async (id: string, who?: Person, body?: unknown) => read(await POST(req(path(id), { method: 'POST', body, token: who?.token }), params({ id })));
const unsign = async (id: string, who?: Person) => read(await DELETE(req(path(id), { method: 'DELETE', token: who?.token }), params({ id })));
const list = async (id: string, who?: Person) => read(await GET(req(path(id), { token: who?.token }), params({ id })));
const page = async (id: string, who?: Person) => read(await getPage(req(`/api/v1/pages/${id}`, { token: who?.token }), params({ id })));

function filedMotion(): string {
  const id = createPage(viewerOf(author), { spaceId: t.section.id, title: `Motion ${Math.random()}`, kind: 'motion', visibility: 'public', markdown: 'Nous demandons des pistes cyclables.' }).id;
  changeStage(viewerOf(author), id, { stage: 'filed' });
  return id;
}

describe('/api/v1/pages/:id/signatures', () => {
  it('signs and withdraws; counts for everyone who reads the motion, names by section to party members only', async () => {
    const id = filedMotion();
    let r = await sign(id, author);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ signatures: { count: 1, sections: 1 }, mine: { signed: true, textChanged: false } });
    await sign(id, neighbour);
    r = await sign(id, colmar, {});
    expect(r.body.signatures).toMatchObject({ count: 3, sections: 2 });
    r = await list(id, colmar);
    expect(r.status).toBe(200);
    expect(r.body.bySection.map((g: { sectionName: string; signatories: { name: string }[] }) => [g.sectionName, g.signatories.length])).toEqual([
      [t.section.name, 2],
      [t.otherSection.name, 1],
    ]);
    expect(r.body.change).toBeNull();
    // Outside the party: no list, no names; the counts are on the page.
    expect((await list(id, citizen)).status).toBe(404);
    expect((await list(id)).status).toBe(404);
    const seen = await page(id, citizen);
    expect(seen.body.deliberation.signatures).toMatchObject({ count: 3, sections: 2 });
    expect(seen.text).not.toContain(neighbour.email);
    expect(seen.body.deliberation.mySignature).toBeNull();
    expect((await sign(id, citizen)).status).toBe(403);
    expect((await sign(id)).status).toBe(401);
    r = await unsign(id, neighbour);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ signatures: { count: 2, sections: 2 }, mine: { signed: false } });
    expect((await sign(id, colmar, { again: true })).body.error.field).toBe('again');
    expect((await sign(id, colmar, { confirm: 'oui' })).body.error.field).toBe('confirm');
  });

  it('404 on a draft others cannot read, 409 once signatures are closed, and after a change: the diff, confirm or withdraw', async () => {
    const draft = createPage(viewerOf(author), { spaceId: t.section.id, title: 'Brouillon', kind: 'motion' }).id;
    expect((await sign(draft, colmar)).status).toBe(404);
    expect((await sign(draft, author)).status).toBe(409);
    const id = filedMotion();
    await sign(id, author);
    await sign(id, colmar);
    changeStage(viewerOf(secretary), id, { stage: 'amendments', deadline: new Date(Date.now() + 86_400_000).toISOString() });
    const late = await sign(id, neighbour);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Signatures are collected only while the motion is filed.');
    expect((await unsign(id, colmar)).status).toBe(409);
    // An accepted amendment changes the text.
    const { state } = transactDocument(id, author.id, (doc) => {
      const text = (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length - 1, ' sécurisées');
    });
    derivePage(id, state, [author.id]);
    const mine = await list(id, colmar);
    expect(mine.body.mine).toEqual({ signed: true, textChanged: true });
    expect(mine.body.change).toMatchObject({ changed: true, diffHtml: expect.stringContaining('sécurisées') });
    const confirmed = await sign(id, author, { confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.mine).toEqual({ signed: true, textChanged: false });
    const withdrawn = await unsign(id, colmar);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.signatures).toMatchObject({ count: 1, sections: 1 });
  });
});
