/**
 * Markdown written from outside the editor (API, import) becomes a document whose links to pages
 * are wiki links, like the editor makes them: `[[Titre]]` links the page of that title among the
 * pages the writer may read (exact title, case and accents folded), or a new draft stub in the
 * writer's space, like the editor's "Créer « … »"; a Markdown link to a page's URL
 * (`/pages/<id>` or `${AUTH_URL}/pages/<id>`) becomes a wiki link to that page. Reading writes
 * nothing itself: the caller hands in the stub maker (so links/ never imports pages/ back).
 */
import type { JSONContent } from '@tiptap/core';
import { and, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { pages } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { foldText } from '@/lib/text/fold';
import { env } from '@/server/env';
import { markdownToJSON } from '@/server/pages/body';
import { readableWhere, type Viewer } from '@/server/policy';
import { ftsQuery } from '@/server/search/search';
import { resolveLinkTitles } from './resolve-titles';

const WIKI_SYNTAX = /\[\[([^[\]\n]{1,200})\]\]/g;
const MAX_TITLE = 200;

/** Case and accents folded, spaces collapsed: how two titles are compared. */
export function foldTitle(s: string): string {
  return foldText(s).replace(/\s+/g, ' ').trim();
}

/** The page id in a link to a page of this site, else null. */
export function pageIdFromHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const origin = new URL(env().AUTH_URL).origin;
  let path = href.trim();
  if (path.startsWith(origin + '/')) path = path.slice(origin.length);
  const m = /^\/pages\/([A-Za-z0-9_-]{1,64})\/?(?:[?#].*)?$/.exec(path);
  return m ? m[1]! : null;
}

/** The readable page whose title is `title` (folded), preferring `spaceId`, then the most recent. */
export function findPageByTitle(viewer: Viewer, title: string, spaceId: string): string | null {
  const want = foldTitle(title);
  const words = ftsQuery(title)?.replace(/\*$/, '');
  const candidates = db()
    .select({ id: pages.id, title: pages.title, spaceId: pages.spaceId })
    .from(pages)
    .where(and(readableWhere(viewer), words ? sql`${pages}.rowid in (select rowid from page_search where page_search match ${`title : (${words})`})` : sql`lower(${pages.title}) = ${title.trim().toLowerCase()}`))
    .orderBy(sql`${pages.updatedAt} desc`)
    .limit(200)
    .all()
    .filter((p) => foldTitle(p.title) === want);
  return (candidates.find((p) => p.spaceId === spaceId) ?? candidates[0])?.id ?? null;
}

type Resolver = { byTitle(title: string): string | null; existing: Set<string> };

/**
 * Makes the draft stub page `title` links to (the caller's `createStubPage(viewer, spaceId, …)`);
 * throws `forbidden` or `invalid_input` when it may not, and the text then stays as typed.
 */
export type MakeStub = (title: string) => { id: string };

function isCode(node: JSONContent): boolean {
  return node.marks?.some((m) => m.type === 'code') ?? false;
}

function linkHref(node: JSONContent): string | null {
  const link = node.marks?.find((m) => m.type === 'link');
  return link ? pageIdFromHref(link.attrs?.href) : null;
}

/** Only the id is stored; titles are resolved for each reader (`renderLinks`, the editor). */
function wikiLink(pageId: string, _label: string): JSONContent {
  return { type: WIKI_LINK, attrs: { pageId, label: '' } };
}

/** Rewrites one run of inline nodes: page-URL links and `[[Titre]]` become wiki links. */
function rewriteInlines(nodes: JSONContent[], r: Resolver, titles: Record<string, string | null>): JSONContent[] {
  const out: JSONContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const target = n.type === 'text' ? linkHref(n) : null;
    if (target && r.existing.has(target)) {
      // A link's text may span several text nodes (bold inside the link): one wiki link for all.
      let label = n.text ?? '';
      while (i + 1 < nodes.length && nodes[i + 1]!.type === 'text' && linkHref(nodes[i + 1]!) === target) label += nodes[++i]!.text ?? '';
      const bare = pageIdFromHref(label) === target;
      out.push(wikiLink(target, (bare ? titles[target] : null) ?? label));
      continue;
    }
    if (n.type !== 'text' || isCode(n) || !n.text?.includes('[[')) {
      out.push(n);
      continue;
    }
    let at = 0;
    for (const m of n.text.matchAll(WIKI_SYNTAX)) {
      const title = m[1]!.trim();
      const id = title ? r.byTitle(title) : null;
      if (!id) continue;
      if (m.index > at) out.push({ ...n, text: n.text.slice(at, m.index) });
      out.push(wikiLink(id, title));
      at = m.index + m[0].length;
    }
    if (at < n.text.length) out.push(at === 0 ? n : { ...n, text: n.text.slice(at) });
  }
  return out;
}

function rewrite(node: JSONContent, r: Resolver, titles: Record<string, string | null>): JSONContent {
  if (!node.content || node.type === 'codeBlock') return node;
  const content = node.content.some((c) => c.type === 'text') ? rewriteInlines(node.content, r, titles) : node.content.map((c) => rewrite(c, r, titles));
  return { ...node, content };
}

function collectHrefs(node: JSONContent, into: Set<string>): void {
  if (node.type === 'text') {
    const id = linkHref(node);
    if (id) into.add(id);
  }
  node.content?.forEach((c) => collectHrefs(c, into));
}

/**
 * Parses `md` into the editor's JSON with wiki links. `[[Titre]]` with no readable page of that
 * title gets a stub page from `makeStub` (when the writer may create pages in `spaceId`;
 * otherwise the text stays as typed). Invalid Markdown throws like `markdownToJSON`.
 */
export function markdownWithWikiLinks(viewer: NonNullable<Viewer>, spaceId: string, md: string, makeStub: MakeStub): JSONContent {
  const json = markdownToJSON(md);
  const hrefs = new Set<string>();
  collectHrefs(json, hrefs);
  const existing = new Set(hrefs.size ? db().select({ id: pages.id }).from(pages).where(inArray(pages.id, [...hrefs])).all().map((p) => p.id) : []);
  const titles = existing.size ? resolveLinkTitles(viewer, [...existing]) : {};
  const made = new Map<string, string | null>();
  const byTitle = (title: string): string | null => {
    const key = foldTitle(title);
    if (!made.has(key)) made.set(key, findPageByTitle(viewer, title, spaceId) ?? createStub(makeStub, title));
    return made.get(key)!;
  };
  return rewrite(json, { byTitle, existing }, titles);
}

/**
 * The body a writer's Markdown makes, wherever it is written (new page, edit form, API):
 * `markdownWithWikiLinks`, with unreadable Markdown answered as a clear `invalid_input` on
 * `markdown`.
 */
export function markdownBody(viewer: NonNullable<Viewer>, spaceId: string, md: string, makeStub: MakeStub): JSONContent {
  try {
    return markdownWithWikiLinks(viewer, spaceId, md, makeStub);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('invalid_input', 'markdown: this Markdown cannot be read.', 'markdown', { key: 'markdownUnreadable' });
  }
}

function createStub(makeStub: MakeStub, title: string): string | null {
  try {
    return makeStub(title.slice(0, MAX_TITLE)).id;
  } catch (e) {
    if (isAppError(e) && (e.code === 'forbidden' || e.code === 'invalid_input')) return null;
    throw e;
  }
}
