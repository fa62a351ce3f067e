import { env } from '@/server/env';
import { json } from '@/server/http/api';
import { RevisionConflict } from '@/server/pages/based-write';
import { renderLinks } from '@/server/links/render-links';
import { jsonToMarkdown, jsonToText, type RenderedBody } from '@/server/pages/body';
import { getPage, type PageView } from '@/server/pages/page-service';
import type { Viewer } from '@/server/policy';

/** A page whose body was read for its viewer (the live one carries its revision). */
type ReadPage = Omit<PageView, 'body'> & { body: RenderedBody & { revision?: string } };

/** A page as the API serves it; only ever built from `getPage`, which has checked `read`. */
export function pageJson(p: ReadPage) {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    spaceId: p.spaceId,
    visibility: p.visibility,
    status: p.status,
    text: p.body.text,
    markdown: p.body.markdown,
    /**
     * The live document this body was read from (party members): a whole-body write sends it
     * back as `baseRevision`. Null for readers of the published version.
     */
    revision: p.body.revision ?? null,
    url: pageUrl(p.id),
    updatedAt: p.updatedAt,
    abilities: p.abilities,
  };
}

/**
 * The page as `viewer` may read it (live text for party members, the published version for
 * everyone else, as `getPage` decides), with wiki links showing their target's current title,
 * or "page privée" when the viewer may not read the target.
 */
export function pageJsonFor(viewer: Viewer, id: string) {
  const p = getPage(viewer, id);
  const json = renderLinks(viewer, p.body.json);
  if (json === p.body.json) return pageJson(p);
  const revision = 'revision' in p.body ? p.body.revision : undefined;
  return pageJson({ ...p, body: { json, text: jsonToText(json, { linkLabels: true }), markdown: jsonToMarkdown(json), revision } });
}

export const pageUrl = (id: string) => `${env().AUTH_URL}/pages/${id}`;

/**
 * Runs a whole-body write; a `RevisionConflict` answers 409 with the current `revision` beside
 * the error, so the client can read the page again and retry.
 */
export function withRevisionConflict(write: () => void): Response | null {
  try {
    write();
    return null;
  } catch (e) {
    if (!(e instanceof RevisionConflict)) throw e;
    return json({ error: { code: e.code, message: e.message, field: e.field }, revision: e.revision }, { status: e.status });
  }
}
