/**
 * Authorship read from the document itself: a person is an author of a page while content they
 * inserted is still there. Their Yjs client ids are known from page_doc_clients (recorded when
 * their updates were accepted); a letter typed and deleted leaves nothing, so it makes no author.
 */
import * as Y from 'yjs';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { pageDocClients, users } from '@/db/schema';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { editorSchema } from './body';

/** Leaf nodes that are content of their own (an image, a wiki link, a rule); a line break is not. */
function isContentNode(type: Y.AbstractType<unknown>): boolean {
  if (!(type instanceof Y.XmlElement)) return false;
  const node = editorSchema.nodes[type.nodeName];
  return Boolean(node?.isLeaf) && type.nodeName !== 'hardBreak';
}

/** Does this struct hold content that counts: visible text (not only spaces) or a leaf node, not deleted? */
function countsAsContent(s: Y.Item | Y.GC | Y.Skip): boolean {
  if (!(s instanceof Y.Item) || s.deleted || s.parentSub !== null) return false;
  const c = s.content;
  if (c instanceof Y.ContentString) return /\S/u.test(c.str);
  if (c instanceof Y.ContentEmbed) return true;
  if (c instanceof Y.ContentType) return isContentNode(c.type);
  return false;
}

/** Whether a struct lies inside the page body (not in another root type a client may have added). */
function inBody(item: Y.Item, body: Y.XmlFragment): boolean {
  let parent = item.parent as Y.AbstractType<unknown> | null;
  while (parent) {
    if (parent === body) return true;
    parent = parent._item ? (parent._item.parent as Y.AbstractType<unknown> | null) : null;
  }
  return false;
}

/** The Yjs client ids whose inserted content is still present in the body of `doc`. */
export function clientsWithContent(doc: Y.Doc): Set<number> {
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const found = new Set<number>();
  for (const [client, structs] of doc.store.clients) {
    for (const s of structs) {
      if (countsAsContent(s) && inBody(s as Y.Item, body)) {
        found.add(client);
        break;
      }
    }
  }
  return found;
}

/** The client ids of a stored state whose content is still present. */
export function clientsWithContentIn(state: Uint8Array): Set<number> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return clientsWithContent(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Party members (members and site admins, as of now) with content still present in the page's
 * document `state`.
 */
export function presentAuthors(pageId: string, state: Uint8Array): string[] {
  const clients = [...clientsWithContentIn(state)];
  if (clients.length === 0) return [];
  const rows = db()
    .selectDistinct({ id: users.id })
    .from(pageDocClients)
    .innerJoin(users, eq(users.id, pageDocClients.userId))
    .where(and(eq(pageDocClients.pageId, pageId), inArray(pageDocClients.clientId, clients), inArray(users.siteRole, ['member', 'admin'])))
    .all();
  return rows.map((r) => r.id);
}
