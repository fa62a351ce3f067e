/**
 * The data export (GDPR art. 15/20): the person's account data, and what they wrote — on each
 * page they may still read in full (a party member reading its live text, not in the trash),
 * the part of the text their own editors inserted that is still there, and nothing else. Pages
 * of a section they left, pages in the trash, and other people's words stay out: party
 * membership and what others wrote are not theirs to carry away.
 */
import * as Y from 'yjs';
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { db } from '@/db/client';
import { apiTokens, invitations, memberships, pageAuthors, pageDocClients, pages, spaces } from '@/db/schema';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { loadViewer } from '@/server/auth/load-viewer';
import { liveDocState } from '@/server/documents/live-state';
import { renderLinks } from '@/server/links/render-links';
import { editorSchema, jsonToMarkdown, yStateToJSON } from '@/server/pages/body';
import { loadPage } from '@/server/pages/load-page';
import { canPage, readsLiveText } from '@/server/policy';
import { getProfile, listSessions } from './account-service';

/** Leaf nodes that are content of their own (an image, a wiki link, a rule). */
const isContentLeaf = (name: string) => Boolean(editorSchema.nodes[name]?.isLeaf) && name !== 'hardBreak' && name !== 'text';

/** Removes from `text` every character (and embed) that none of `clients` inserted. */
function keepOwnText(text: Y.XmlText, clients: ReadonlySet<number>): void {
  const foreign: [number, number][] = [];
  let at = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (!clients.has(item.id.client)) foreign.push([at, item.length]);
    at += item.length;
  }
  for (const [index, length] of foreign.reverse()) text.delete(index, length);
}

function keepOwn(node: Y.XmlFragment, clients: ReadonlySet<number>): void {
  const children = node.toArray();
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child instanceof Y.XmlText) keepOwnText(child, clients);
    else if (child instanceof Y.XmlElement) {
      if (isContentLeaf(child.nodeName) && !clients.has(child._item!.id.client)) node.delete(i, 1);
      else keepOwn(child, clients);
    }
  }
}

/** A node with nothing of the person's left in it goes; the document stays a document. */
function prune(node: JSONContent): JSONContent | null {
  if (node.type === 'text') return node.text ? node : null;
  if (!node.content) return node.type && isContentLeaf(node.type) ? node : null;
  const content = node.content.map(prune).filter((n): n is JSONContent => n !== null);
  return content.length ? { ...node, content } : null;
}

/** The body of `state` reduced to what `clients` inserted and is still there. */
export function ownContent(state: Uint8Array, clients: ReadonlySet<number>): JSONContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    doc.transact(() => keepOwn(doc.getXmlFragment(BODY_FRAGMENT), clients));
    return prune(yStateToJSON(Y.encodeStateAsUpdate(doc))) ?? { type: 'doc', content: [] };
  } finally {
    doc.destroy();
  }
}

/** Everything Coopol holds about a person, as one JSON document. */
export function exportMyData(userId: string) {
  const u = getProfile(userId);
  const viewer = loadViewer(userId);
  const d = db();
  const myMemberships = d
    .select({ space: spaces.name, kind: spaces.kind, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(eq(memberships.userId, userId))
    .all();
  // Pages the person wrote in (their editors' client ids), authored or created.
  const clientRows = d.select({ pageId: pageDocClients.pageId, clientId: pageDocClients.clientId }).from(pageDocClients).where(eq(pageDocClients.userId, userId)).all();
  const clientsOf = new Map<string, Set<number>>();
  for (const r of clientRows) {
    if (!clientsOf.has(r.pageId)) clientsOf.set(r.pageId, new Set());
    clientsOf.get(r.pageId)!.add(r.clientId);
  }
  const pageIds = d
    .select({ id: pages.id })
    .from(pages)
    .where(
      or(
        eq(pages.createdBy, userId),
        sql`${pages.id} in (select ${pageAuthors.pageId} from ${pageAuthors} where ${pageAuthors.userId} = ${userId})`,
        clientsOf.size ? inArray(pages.id, [...clientsOf.keys()]) : undefined,
      ),
    )
    .all()
    .map((p) => p.id);
  const written = readsLiveText(viewer)
    ? pageIds.flatMap((id) => {
        const { row, ref } = loadPage(id);
        // Read right now, in full: the live text (trash and unreadable pages are out).
        if (!canPage(viewer, 'read', ref)) return [];
        const own = ownContent(liveDocState(id), clientsOf.get(id) ?? new Set());
        return [
          {
            id: row.id,
            title: row.title,
            kind: row.kind,
            status: row.status,
            visibility: row.visibility,
            createdAt: row.createdAt,
            updatedAt: row.updatedAt,
            /** What the person wrote that is still in the page (their words only), as Markdown. */
            markdown: own.content?.length ? jsonToMarkdown(renderLinks(viewer, own, { locale: u.locale })) : '',
          },
        ];
      })
    : [];
  return {
    exportedAt: new Date().toISOString(),
    profile: { id: u.id, name: u.name, email: u.email, siteRole: u.siteRole, locale: u.locale, createdAt: u.createdAt },
    memberships: myMemberships,
    pages: written,
    sessions: listSessions(userId).map(({ createdAt, expires }) => ({ createdAt, expires })),
    apiTokens: d.select({ name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.userId, userId)).all(),
    invitations: d.select({ note: invitations.note, maxUses: invitations.maxUses, uses: invitations.uses, expiresAt: invitations.expiresAt }).from(invitations).where(eq(invitations.createdBy, userId)).all(),
  };
}
