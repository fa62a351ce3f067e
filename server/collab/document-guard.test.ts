/**
 * Websocket guards on what a page can hold and what presence can carry: an element the schema
 * does not know, or nesting past MAX_BODY_DEPTH, closes the sender with 4400 and nothing is
 * stored or relayed; an awareness state over 4 KB is not relayed; carets never show an address.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH } from '@/lib/editor/limits';
import { logLength } from '@/server/documents/store';
import { CLOSE } from './config';
import { refuseDocumentUpdate } from '@/server/documents/guard';
import {
  addParagraph,
  apiTokenFor,
  awarenessUpdate,
  barrier,
  bodyText,
  serverRoundTrip,
  startCollab,
  synced,
  twoMembersOfASection,
  until,
  BODY,
  type Harness,
} from '@/test/collab-harness';
import { addMembership, makePage, makeUser } from '@/test/factories';
import type { WebsocketProvider } from 'y-websocket';

let h: Harness;
const { tree, alice, bob } = twoMembersOfASection();

beforeAll(async () => {
  h = await startCollab();
});
afterAll(() => h.close());

async function pair() {
  const page = makePage(alice, tree.section, { status: 'published', visibility: 'space' });
  const a = h.provider(page.id, { token: apiTokenFor(alice) });
  const b = h.provider(page.id, { token: apiTokenFor(bob) });
  await Promise.all([synced(a), synced(b)]);
  return { page, a, b, room: () => h.collab.rooms.get(page.id)! };
}

/** `depth` nested blockquotes (known to the schema) around a paragraph holding `text`. */
function nested(depth: number, text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  let node = p;
  for (let i = 0; i < depth; i++) {
    const q = new Y.XmlElement('blockquote');
    q.insert(0, [node]);
    node = q;
  }
  return node;
}

/** A raw socket of Bob's sends what `change` does to a copy of the page; resolves with how it ended. */
async function sendChange(pageId: string, base: Y.Doc, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  const raw = h.raw(pageId, { token: apiTokenFor(bob) });
  await raw.opened;
  raw.sendUpdate(Y.encodeStateAsUpdate(doc, before));
  await barrier(raw.ws).catch(() => {});
  return raw;
}

async function stillWorks(a: WebsocketProvider, b: WebsocketProvider, text: string) {
  addParagraph(a.doc, text);
  await until(() => bodyText(b.doc).includes(text), `"${text}" relayed`);
}

describe('document guard', () => {
  it('an element the schema does not know closes the sender with 4400; nothing stored or relayed', async () => {
    const { page, a, b, room } = await pair();
    const before = logLength(page.id);
    for (const change of [
      (d: Y.Doc) => {
        const el = new Y.XmlElement('script');
        el.insert(0, [new Y.XmlText('alert(1)')]);
        d.getXmlFragment(BODY).push([el]);
      },
      // Inline, inside a paragraph the schema knows.
      (d: Y.Doc) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('avant '), new Y.XmlElement('marquee')]);
        d.getXmlFragment(BODY).push([p]);
      },
      // A map where only elements and text belong.
      (d: Y.Doc) => {
        const p = new Y.XmlElement('paragraph');
        d.getXmlFragment(BODY).push([p]);
        p.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlText]);
      },
    ]) {
      const raw = await sendChange(page.id, room().doc, change);
      expect((await raw.closed).code).toBe(CLOSE.invalidDocument);
    }
    expect(logLength(page.id)).toBe(before);
    await stillWorks(a, b, 'la page tient');
    expect(room().doc.getXmlFragment(BODY).toString()).not.toMatch(/script|marquee|hook/);
    expect(b.doc.getXmlFragment(BODY).toString()).not.toMatch(/script|marquee|hook/);
  });

  it(`nesting deeper than ${MAX_BODY_DEPTH} is refused, in one update or on top of what the page holds; shallower is kept`, async () => {
    const { page, a, b, room } = await pair();
    const deep = await sendChange(page.id, room().doc, (d) =>
      d.transact(() => {
        let parent: Y.XmlFragment = d.getXmlFragment(BODY);
        for (let i = 0; i < 3000; i++) {
          const q = new Y.XmlElement('blockquote');
          parent.insert(0, [q]);
          parent = q;
        }
        parent.insert(0, [nested(0, 'trop profond')]);
      }),
    );
    expect((await deep.closed).code).toBe(CLOSE.invalidDocument);
    // 40 levels are fine...
    addParagraph(a.doc, 'au-dessus');
    a.doc.getXmlFragment(BODY).push([nested(40, 'quarante')]);
    await until(() => bodyText(b.doc).length > 0 && b.doc.getXmlFragment(BODY).toString().includes('quarante'), '40 levels relayed');
    await serverRoundTrip(a);
    // ...and 30 more inside the deepest one are not (its parent is in the room's document).
    const before = logLength(page.id);
    const more = await sendChange(page.id, room().doc, (d) => {
      let node = d.getXmlFragment(BODY).get(d.getXmlFragment(BODY).length - 1) as Y.XmlElement;
      while (node.get(0) instanceof Y.XmlElement && (node.get(0) as Y.XmlElement).nodeName === 'blockquote') node = node.get(0) as Y.XmlElement;
      node.insert(0, [nested(30, 'encore')]);
    });
    expect((await more.closed).code).toBe(CLOSE.invalidDocument);
    // A sibling placed next to a deep element (found through its neighbour) is measured too.
    const beside = await sendChange(page.id, room().doc, (d) => {
      let node = d.getXmlFragment(BODY).get(d.getXmlFragment(BODY).length - 1) as Y.XmlElement;
      for (let i = 0; i < 39; i++) node = node.get(0) as Y.XmlElement;
      node.insert(1, [nested(30, 'à côté')]);
    });
    expect((await beside.closed).code).toBe(CLOSE.invalidDocument);
    expect(logLength(page.id)).toBe(before);
    await stillWorks(a, b, 'toujours lisible');
    expect(room().doc.getXmlFragment(BODY).toString()).not.toMatch(/encore|à côté|trop profond/);
  });
});

describe('awareness and carets', () => {
  it('an awareness state over 4 KB is not relayed; a caret-sized one is', async () => {
    const { page, a } = await pair();
    const raw = h.raw(page.id, { token: apiTokenFor(bob) });
    await raw.opened;
    raw.sendAwareness(awarenessUpdate(777_001, 1, { cursor: null, junk: 'x'.repeat(5000) }));
    raw.sendAwareness(awarenessUpdate(777_002, 1, { cursor: null, note: 'petit' }));
    await until(() => a.awareness.getStates().has(777_002), 'small state relayed');
    await barrier(raw.ws);
    await serverRoundTrip(a);
    expect(a.awareness.getStates().has(777_001)).toBe(false);
    expect(raw.isOpen()).toBe(true);
  });

  it('the name on a caret is never an e-mail address: a member without a name is « Membre de <section> »', async () => {
    const nameless = makeUser({ name: '' });
    addMembership(nameless, tree.section);
    const { page, a } = await pair();
    const raw = h.raw(page.id, { token: apiTokenFor(nameless) });
    await raw.opened;
    raw.sendAwareness(awarenessUpdate(777_003, 1, { cursor: null, user: { name: nameless.email } }));
    await until(() => a.awareness.getStates().has(777_003), 'caret relayed');
    const user = (a.awareness.getStates().get(777_003) as { user: { name: string } }).user;
    expect(user.name).toBe(`Membre de ${tree.section.name}`);
    expect(JSON.stringify([...a.awareness.getStates().values()])).not.toContain(nameless.email!);
  });
});

describe('refuseDocumentUpdate', () => {
  it('an element whose place the page cannot tell yet (what it builds on is missing) is refused; once there, kept', () => {
    const client = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    client.getXmlFragment(BODY).push([p]);
    const first = Y.encodeStateAsUpdate(client);
    const before = Y.encodeStateVector(client);
    p.insert(0, [new Y.XmlText('lien : '), new Y.XmlElement('wikiLink')]);
    const second = Y.encodeStateAsUpdate(client, before);
    const server = new Y.Doc();
    expect(refuseDocumentUpdate(second, Y.decodeUpdate(second), () => server)).toBe('too deep');
    Y.applyUpdate(server, first);
    expect(refuseDocumentUpdate(second, Y.decodeUpdate(second), () => server)).toBeNull();
  });
});
