/**
 * Authentication and authorization on upgrade, before any document byte: every refusal is a
 * close with its code and no message before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from './config';
import { env } from '@/server/env';
import { apiTokenFor, sessionFor, startCollab, synced, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, type PageRow, type Tree, type UserRow } from '@/test/factories';

let h: Harness;
let tree: Tree;
let member: UserRow;
let outsider: UserRow;
let citizen: UserRow;
let page: PageRow;
let spacePage: PageRow;
let publicPage: PageRow;

beforeAll(async () => {
  h = await startCollab();
  tree = makeTree();
  member = makeUser();
  addMembership(member, tree.section);
  outsider = makeUser();
  addMembership(outsider, tree.otherSection);
  citizen = makeUser({ siteRole: 'citizen' });
  page = makePage(member, tree.section, { markdown: 'Bonjour', visibility: 'space', status: 'published' });
  spacePage = makePage(member, tree.section, { visibility: 'space', status: 'published' });
  publicPage = makePage(member, tree.section, { visibility: 'public', status: 'published', markdown: 'Texte public' });
});

afterAll(() => h.close());

describe('websocket handshake', () => {
  it('closes 4401 without credentials, before any document byte', async () => {
    const c = h.raw(page.id, null);
    const closed = await c.closed;
    expect(closed.code).toBe(CLOSE.unauthenticated);
    expect(c.messagesBeforeClose).toBe(0);
    expect(c.messages).toHaveLength(0);
  });

  it('closes 4401 on a bad token, a bad Bearer header and a stale session', async () => {
    for (const auth of [{ token: 'cpl_nope' }, { bearer: 'cpl_nope' }, { sessionToken: 'no-such-session' }]) {
      const c = h.raw(page.id, auth);
      expect((await c.closed).code).toBe(CLOSE.unauthenticated);
      expect(c.messages).toHaveLength(0);
    }
  });

  it('accepts the session cookie', async () => {
    const p = h.provider(page.id, { sessionToken: sessionFor(member) });
    await synced(p);
    expect(p.doc.getXmlFragment('default').toString()).toContain('Bonjour');
  });

  it("takes the session cookie only from Coopol's own pages (Origin), not from another site's", async () => {
    const session = sessionFor(member);
    const evil = h.raw(page.id, { sessionToken: session, origin: 'https://evil.example' });
    const closed = await evil.closed;
    expect(closed).toEqual({ code: CLOSE.unauthenticated, reason: 'origin not allowed' });
    expect(evil.messages).toHaveLength(0);
    const own = h.provider(page.id, { sessionToken: session, origin: new URL(env().AUTH_URL).origin });
    await synced(own);
    // This server's own page at another of its addresses (127.0.0.1 while it knows itself as localhost):
    // its own refusal, naming the address to open, not an expired session.
    const host = new URL(h.url).host;
    expect(new URL(env().AUTH_URL).host).not.toBe(host);
    const elsewhere = h.raw(page.id, { sessionToken: session, origin: `http://${host}` });
    expect(await elsewhere.closed).toEqual({ code: CLOSE.wrongOrigin, reason: new URL(env().AUTH_URL).origin });
    expect(elsewhere.messages).toHaveLength(0);
    // A token is never sent by a browser on its own: the Origin does not matter for it.
    const scripted = h.provider(page.id, { bearer: apiTokenFor(member), origin: 'https://evil.example' });
    await synced(scripted);
  });

  it('accepts an Authorization: Bearer token', async () => {
    const p = h.provider(page.id, { bearer: apiTokenFor(member) });
    await synced(p);
    expect(p.doc.getXmlFragment('default').toString()).toContain('Bonjour');
  });

  it('accepts ?token=', async () => {
    const p = h.provider(page.id, { token: apiTokenFor(member) });
    await synced(p);
    expect(p.doc.getXmlFragment('default').toString()).toContain('Bonjour');
  });

  it('closes 4404 on an unknown page and on a malformed path', async () => {
    const token = apiTokenFor(member);
    for (const id of ['no-such-page', 'x'.repeat(80)]) {
      const c = h.raw(id, { token });
      expect((await c.closed).code).toBe(CLOSE.notFound);
      expect(c.messages).toHaveLength(0);
    }
  });

  it('closes 4404 on a page the person cannot read: the same answer as a missing page', async () => {
    const c = h.raw(spacePage.id, { token: apiTokenFor(outsider) });
    const closed = await c.closed;
    expect(closed.code).toBe(CLOSE.notFound);
    expect(closed.reason).toBe('not found');
    expect(c.messages).toHaveLength(0);
  });

  it('closes 4404 for a citizen, even on a public published page (no live document)', async () => {
    const c = h.raw(publicPage.id, { token: apiTokenFor(citizen) });
    expect((await c.closed).code).toBe(CLOSE.notFound);
    expect(c.messages).toHaveLength(0);
  });

  it('the stock provider stops reconnecting on a 44xx refusal', async () => {
    const p = h.provider(spacePage.id, { token: apiTokenFor(outsider) });
    const closed = await new Promise<{ code: number }>((resolve) => p.on('closed', (e) => resolve(e)));
    expect(closed.code).toBe(CLOSE.notFound);
    expect(p.shouldConnect).toBe(false);
  });
});
