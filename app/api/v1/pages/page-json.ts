import { env } from '@/server/env';
import { renderLinks } from '@/server/links/render-links';
import { jsonToMarkdown, jsonToText } from '@/server/pages/body';
import { getPage, type PageView } from '@/server/pages/page-service';
import type { Viewer } from '@/server/policy';

/** A page as the API serves it; only ever built from `getPage`, which has checked `read`. */
export function pageJson(p: PageView) {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    spaceId: p.spaceId,
    visibility: p.visibility,
    status: p.status,
    text: p.body.text,
    markdown: p.body.markdown,
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
  return pageJson({ ...p, body: { json, text: jsonToText(json), markdown: jsonToMarkdown(json) } });
}

export const pageUrl = (id: string) => `${env().AUTH_URL}/pages/${id}`;
