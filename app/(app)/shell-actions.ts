'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { signOut } from '@/server/auth/auth';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { getSessionUserId, getViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { isAppError } from '@/lib/errors';
import { loadPage } from '@/server/pages/load-page';
import { listPageTree, movePage, type TreeNode } from '@/server/pages/tree';
import { canPage, readsLiveText } from '@/server/policy';
import { getSpaceRow } from '@/server/spaces/queries';
import { setLocale } from '@/server/users/account-service';

export async function signOutAction(): Promise<void> {
  try {
    await signOut({ redirectTo: '/connexion?reason=signed-out' });
  } finally {
    // signOut ends by throwing its redirect: the session is gone by then, so the live editors it
    // opened close now (4401), not at the next periodic re-check.
    notifyAccessChanged();
  }
}

export async function setLocaleAction(locale: 'fr' | 'en'): Promise<void> {
  if (locale !== 'fr' && locale !== 'en') return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
  const userId = await getSessionUserId();
  if (userId) setLocale(userId, locale);
  revalidatePath('/', 'layout');
}

export type SidebarTree = { spaceId: string; spaceName: string; currentPageId: string | null; nodes: TreeNode[] };

/**
 * The tree of the space the person is in (the space's page, or one of its pages), for the
 * sidebar. Party members only: outside the party a page is read in its published version, and
 * the tree holds current titles.
 */
export async function sidebarTreeAction(pathname: string): Promise<SidebarTree | null> {
  const viewer = await getViewer();
  if (!readsLiveText(viewer) || typeof pathname !== 'string') return null;
  const m = /^\/(espaces|pages)\/([^/?#]+)/.exec(pathname);
  if (!m) return null;
  try {
    let spaceId = decodeURIComponent(m[2]!);
    let currentPageId: string | null = null;
    if (m[1] === 'pages') {
      const { row, ref } = loadPage(spaceId);
      if (!canPage(viewer, 'read', ref)) return null;
      spaceId = row.spaceId;
      currentPageId = row.id;
    }
    const space = getSpaceRow(spaceId);
    return { spaceId, spaceName: space.name, currentPageId, nodes: listPageTree(viewer, spaceId) };
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

/** Moves a page in its space's tree; answers with the tree as it now is. */
export async function movePageAction(pageId: string, parentId: string | null, afterId: string | null): Promise<ActionResult<TreeNode[]>> {
  const viewer = await getViewer();
  return runAction(() => {
    movePage(viewer, pageId, { parentId, afterId });
    const spaceId = loadPage(pageId).row.spaceId;
    revalidatePath(`/espaces/${spaceId}`);
    return listPageTree(viewer, spaceId);
  });
}
