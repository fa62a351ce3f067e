'use server';
/**
 * Actions of the page header: rename, publish / archive / back to draft, visibility, delete,
 * and the versions (publish the live text again, save a named version). The body itself is
 * only ever written through the live editor.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { VISIBILITIES, PAGE_STATUSES } from '@/lib/domain/enums';
import { requireViewer } from '@/server/auth/current';
import { parseInput } from '@/lib/parse-input';
import { runAction, type ActionResult } from '@/server/http/action';
import { loadPage } from '@/server/pages/load-page';
import { deletePage, updatePage } from '@/server/pages/page-service';
import { publishNewVersion, saveNamedVersion } from '@/server/versions/version-service';

const pagePath = (id: string) => `/pages/${id}`;
const status = z.enum(PAGE_STATUSES);
const visibility = z.enum(VISIBILITIES);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The title typed in the header (Enter or leaving the field). */
export async function renamePageAction(id: string, title: unknown): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    updatePage(viewer, id, { title: text(title) });
  });
  revalidatePath(pagePath(id), 'layout');
  return r;
}

export async function setStatusAction(id: string, next: unknown): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    updatePage(viewer, id, { status: parseInput(status, next) });
  });
  revalidatePath(pagePath(id), 'layout');
  return r;
}

export async function setVisibilityAction(id: string, next: unknown): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    updatePage(viewer, id, { visibility: parseInput(visibility, next) });
  });
  revalidatePath(pagePath(id), 'layout');
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

/** "Publier une nouvelle version": readers of the published version read the live text as it is now. */
export async function publishVersionAction(id: string, name: unknown): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    publishNewVersion(viewer, id, text(name));
  });
  revalidatePath(pagePath(id), 'layout');
  return r;
}

/** "Enregistrer une version…" with a name ("Version soumise au bureau"). */
export async function saveVersionAction(id: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(pagePath(id));
  const r = await runAction(() => {
    saveNamedVersion(viewer, id, text(form.get('name')));
  });
  revalidatePath(`${pagePath(id)}/historique`);
  return r;
}
