import { env } from '@/server/env';
import type { PageView } from '@/server/pages/page-service';

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

export const pageUrl = (id: string) => `${env().AUTH_URL}/pages/${id}`;
