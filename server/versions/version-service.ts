/**
 * The history of a page as people use it: list its versions, read one, compare two, save a
 * named version, publish the live text again, restore an old version. History is internal to
 * the party (`viewHistory`); restoring needs `edit` and is a new change, never a rewrite.
 */
import * as Y from 'yjs';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { updateYFragment } from '@tiptap/y-tiptap';
import { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { db } from '@/db/client';
import { pages, pageVersions, users, type Locale } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { authorizePage, canPage, pageAbilities, type PageRef, type Viewer } from '@/server/policy';
import { renderLinks } from '@/server/links/render-links';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { loadPage } from '@/server/pages/load-page';
import { editorSchema, jsonToHTML, yStateToJSON } from '@/server/pages/body';
import { liveDocState } from '@/server/documents/live-state';
import { writeDocument } from '@/server/pages/write-document';
import { parseInput } from '@/lib/parse-input';
import { recordActivity } from '@/server/activity/record-activity';
import { diffDocumentsHTML, type SplitLabels } from './diff-html';
import { recordPublication, takeAutoVersion, takeVersion, versionMeta, type VersionMeta } from './versions';

export const versionNameInput = z.string().trim().max(120);
const MAX_LISTED = 500;

export type Person = { id: string; name: string | null; isFormer: boolean };
export type VersionItem = Omit<VersionMeta, 'authorIds' | 'createdBy' | 'text'> & { createdBy: Person | null; authors: Person[]; isPublished: boolean };

/** People as others see them: their name, or « Membre de <section> », never their address. */
function people(ids: string[], locale?: Locale): Map<string, Person> {
  if (ids.length === 0) return new Map();
  const rows = db().select({ id: users.id, name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id) }).from(users).where(inArray(users.id, ids)).all();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.deletedAt ? null : displayName(r, { sectionName: r.sectionName, locale }), isFormer: r.deletedAt !== null }]));
}

function toItems(rows: VersionMeta[], publishedVersionId: string | null, locale?: Locale): VersionItem[] {
  const who = people([...new Set(rows.flatMap((r) => [...r.authorIds, ...(r.createdBy ? [r.createdBy] : [])]))], locale);
  return rows.map(({ authorIds, createdBy, text: _text, ...r }) => ({
    ...r,
    createdBy: createdBy ? (who.get(createdBy) ?? null) : null,
    authors: authorIds.map((id) => who.get(id)).filter((p): p is Person => Boolean(p)),
    isPublished: r.id === publishedVersionId,
  }));
}

/** Loads the page and checks the viewer may see its history (citizens: not_found). */
function historyOf(viewer: Viewer, pageId: string) {
  const loaded = loadPage(pageId);
  // Outside the party, history does not exist (the policy answers not_found even where the page itself is public).
  authorizePage(viewer, 'viewHistory', loaded.ref);
  return loaded;
}

/**
 * Whether the viewer could read the page under the visibility it had when the version was taken
 * (null, on rows from before it was kept: the narrowest, `space`). Widening a page opens its
 * versions from the widening on, never the earlier ones, to the new audience.
 */
function readsVersion(viewer: Viewer, ref: PageRef, version: Pick<VersionMeta, 'visibility'>): boolean {
  return canPage(viewer, 'read', { ...ref, visibility: version.visibility ?? 'space' });
}

/** A version of this page the viewer may read, or not_found (also for a version of another page). */
function versionOf(viewer: Viewer, ref: PageRef, versionId: string): VersionMeta & { state: Uint8Array } {
  const row = db()
    .select({ ...versionMeta, state: pageVersions.state })
    .from(pageVersions)
    .where(and(eq(pageVersions.id, versionId), eq(pageVersions.pageId, ref.id)))
    .get();
  if (!row || !readsVersion(viewer, ref, row)) throw new AppError('not_found');
  return { ...row, state: new Uint8Array(row.state) };
}

export function listVersions(viewer: Viewer, pageId: string, opts: { locale?: Locale } = {}) {
  const { row, ref } = historyOf(viewer, pageId);
  const all = db().select(versionMeta).from(pageVersions).where(eq(pageVersions.pageId, pageId)).orderBy(desc(pageVersions.createdAt)).limit(MAX_LISTED).all();
  const published = row.publishedVersionId ? all.find((r) => r.id === row.publishedVersionId) : undefined;
  const rows = all.filter((r) => readsVersion(viewer, ref, r));
  return {
    page: { id: row.id, title: row.title, status: row.status, contentUpdatedAt: row.contentUpdatedAt },
    abilities: pageAbilities(viewer, ref),
    /** The live text changed after the version the public reads. */
    changedSincePublication: Boolean(published && row.contentUpdatedAt && row.contentUpdatedAt > published.createdAt),
    versions: toItems(rows, row.publishedVersionId, opts.locale),
  };
}
export type VersionList = ReturnType<typeof listVersions>;

/**
 * One version, rendered as the page was then. Its links show their targets' titles to a viewer
 * who may read them, « page privée » otherwise (never the label stored when the link was made).
 */
export function getVersion(viewer: Viewer, pageId: string, versionId: string, opts: { locale?: Locale } = {}) {
  const { row, ref } = historyOf(viewer, pageId);
  const { state, ...meta } = versionOf(viewer, ref, versionId);
  const [item] = toItems([meta], row.publishedVersionId, opts.locale);
  return { page: { id: row.id, title: row.title }, version: item!, html: jsonToHTML(renderLinks(viewer, yStateToJSON(state), opts)) };
}

/**
 * Compares two versions (`to` may be 'live', the document as it is now), older first: the
 * formatted document with insertions in <ins> and deletions in <del>.
 */
export function compareVersions(viewer: Viewer, pageId: string, fromId: string, toId: string, opts: { locale?: Locale; labels?: SplitLabels } = {}) {
  const { row, ref } = historyOf(viewer, pageId);
  const a = versionOf(viewer, ref, fromId);
  const b = toId === 'live' ? null : versionOf(viewer, ref, toId);
  let [older, newer] = [a, b];
  if (b && b.createdAt < a.createdAt) [older, newer] = [b, a];
  // Links resolved on both sides alike: a rename since is no change, and no stored label leaks.
  const before = renderLinks(viewer, yStateToJSON(older!.state), opts);
  const after = renderLinks(viewer, newer ? yStateToJSON(newer.state) : yStateToJSON(liveDocState(pageId)), opts);
  const items = toItems(newer ? [older!, newer] : [older!], row.publishedVersionId, opts.locale);
  return { page: { id: row.id, title: row.title }, from: items[0]!, to: newer ? items[1]! : null, html: diffDocumentsHTML(before, after, { labels: opts.labels }) };
}

export function saveNamedVersion(viewer: Viewer, pageId: string, rawName: string): VersionMeta {
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'edit', ref);
  const name = parseInput(versionNameInput.min(1), rawName);
  return takeVersion(pageId, liveDocState(pageId), { kind: 'named', name, userId: viewer!.id })!;
}

/** Publishes the live text again: a new `published` version becomes what the public reads. */
export function publishNewVersion(viewer: Viewer, pageId: string, rawName?: string): VersionMeta {
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'publishVersion', ref);
  const name = rawName === undefined ? null : parseInput(versionNameInput, rawName);
  const now = new Date();
  const version = recordPublication(pageId, viewer!.id, name, now)!;
  db().update(pages).set({ publishedAt: now, updatedAt: now, updatedBy: viewer!.id }).where(eq(pages.id, pageId)).run();
  recordActivity(pageId, viewer!.id, 'published', now);
  return version;
}

/**
 * The Yjs change that turns `live` into a document with `content`: computed against the live
 * document, so it merges with concurrent edits and reaches open editors like any other change.
 */
export function stateWithContent(live: Uint8Array, content: JSONContent): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, live);
  updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), PMNode.fromJSON(editorSchema, content), { mapping: new Map(), isOMark: new Map() });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * The editor keeps a paragraph at the end of a document (tiptap's TrailingNode): a document that
 * ends with a list, a heading or a table gets one from every open editor as soon as it arrives —
 * a change nobody made, that showed as an automatic version "with no change" after a restore.
 * A restore brings that paragraph itself.
 */
function withTrailingParagraph(doc: JSONContent): JSONContent {
  const last = doc.content?.[doc.content.length - 1];
  return last?.type === 'paragraph' ? doc : { ...doc, content: [...(doc.content ?? []), { type: 'paragraph' }] };
}

/** Same text, trailing empty paragraphs aside. */
function sameText(a: JSONContent, b: JSONContent): boolean {
  const trim = (d: JSONContent) => {
    const content = [...(d.content ?? [])];
    while (content.length > 1 && content[content.length - 1]!.type === 'paragraph' && !content[content.length - 1]!.content?.length) content.pop();
    return JSON.stringify(content);
  };
  return trim(a) === trim(b);
}

/**
 * Restores a version as a new change everyone sees live. The document as it was just before is
 * kept as an `auto` version when it is not already saved, and the result as a `restore` version.
 * When the text already is that version's, nothing happens (null): no version of "no change".
 */
export function restoreVersion(viewer: Viewer, pageId: string, versionId: string): VersionMeta | null {
  const { ref } = historyOf(viewer, pageId);
  const source = versionOf(viewer, ref, versionId);
  authorizePage(viewer, 'edit', ref);
  const userId = viewer!.id;
  const now = new Date();
  const content = withTrailingParagraph(yStateToJSON(source.state));
  const live = liveDocState(pageId);
  if (sameText(yStateToJSON(live), content)) return null;
  takeAutoVersion(pageId, live, now);
  const state = writeDocument(pageId, userId, (live) => stateWithContent(live, content));
  // One millisecond after the version of the document before it, so the history reads in order.
  return takeVersion(pageId, state, { kind: 'restore', name: source.name, userId, extraAuthors: [userId], now: new Date(now.getTime() + 1) })!;
}
