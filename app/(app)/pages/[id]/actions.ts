'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { loadPage } from '@/server/pages/load-page';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { publishNewVersion, saveNamedVersion } from '@/server/versions/version-service';

const pagePath = (id: string) => `/pages/${id}`;

export async function updatePageAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(`${pagePath(id)}/modifier`);
  const visibility = str(form, 'visibility');
  const r = await runAction(() => {
    updatePage(viewer, id, {
      title: str(form, 'title'),
      markdown: str(form, 'markdown'),
      ...(visibility ? { visibility: visibility as 'space' } : {}),
    });
  });
  if (!r?.ok) return r;
  revalidatePath(pagePath(id));
  redirect(`${pagePath(id)}?saved=1`);
}

export async function setStatusAction(id: string, status: 'draft' | 'published' | 'archived'): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    updatePage(viewer, id, { status });
  });
  revalidatePath(pagePath(id));
  return r;
}

export async function setVisibilityAction(id: string, visibility: 'public' | 'members' | 'space'): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    updatePage(viewer, id, { visibility });
  });
  revalidatePath(pagePath(id));
  return r;
}

export async function deletePageAction(id: string): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    const { row } = loadPage(id);
    deletePage(viewer, id);
    return row.spaceId;
  });
  if (!r?.ok) return r;
  revalidatePath(`/espaces/${r.data}`);
  redirect(`/espaces/${r.data}?deleted=${id}`);
}

/** "Publier une nouvelle version": the public reads the live text as it is now. */
export async function publishVersionAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    publishNewVersion(viewer, id, str(form, 'name'));
  });
  revalidatePath(pagePath(id));
  return r;
}

/** "Enregistrer une version…" with a name ("Version soumise au bureau"). */
export async function saveVersionAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    saveNamedVersion(viewer, id, str(form, 'name'));
  });
  revalidatePath(`${pagePath(id)}/historique`);
  return r;
}
