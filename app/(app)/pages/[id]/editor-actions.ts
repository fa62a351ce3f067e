'use server';
/**
 * Actions of the live editor: the `[[` title search, the stub page made from it, and the current
 * titles of link targets. Each answers only what the viewer may read.
 */
import { z } from 'zod';
import { getViewer, requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { resolveLinkTitles } from '@/server/links/resolve-titles';
import { createStubPage } from '@/server/pages/page-service';
import { getSpaceRow } from '@/server/spaces/queries';
import { searchTitles, type TitleMatch } from '@/server/search/search-titles';

const query = z.string().max(200);
const ids = z.array(z.string().max(64)).max(500);

export async function searchPageTitlesAction(q: unknown): Promise<TitleMatch[]> {
  const parsed = query.safeParse(q);
  if (!parsed.success) return [];
  return searchTitles(await getViewer(), parsed.data, 8);
}

export async function resolveLinkTitlesAction(raw: unknown): Promise<Record<string, string | null>> {
  const parsed = ids.safeParse(raw);
  if (!parsed.success) return {};
  return resolveLinkTitles(await getViewer(), parsed.data);
}

/** A draft titled with the typed text, in the space of the page being edited (the editor says where). */
export async function createStubPageAction(spaceId: string, title: unknown): Promise<ActionResult<{ id: string; title: string; spaceName: string }>> {
  const viewer = await requireViewer('/');
  return runAction(() => {
    const page = createStubPage(viewer, spaceId, typeof title === 'string' ? title : '');
    return { id: page.id, title: page.title, spaceName: getSpaceRow(page.spaceId).name };
  });
}
