'use server';
/** Named co-authors of a page (server/pages/stewards.ts): list, name, remove. */
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { addSteward, listStewards, removeSteward, type StewardList } from '@/server/pages/stewards';

const pagePath = (id: string) => `/pages/${id}`;

export async function listStewardsAction(pageId: string): Promise<ActionResult<StewardList>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => listStewards(viewer, pageId));
}

/** Form field `person`: a full name or an e-mail address. Answers the list as it now stands. */
export async function addStewardAction(pageId: string, _prev: unknown, form: FormData): Promise<ActionResult<StewardList>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    addSteward(viewer, pageId, { person: str(form, 'person') });
    return listStewards(viewer, pageId);
  });
  revalidatePath(pagePath(pageId), 'layout');
  return r;
}

export async function removeStewardAction(pageId: string, userId: string): Promise<ActionResult<StewardList>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await runAction(() => {
    removeSteward(viewer, pageId, userId);
    return listStewards(viewer, pageId);
  });
  revalidatePath(pagePath(pageId), 'layout');
  return r;
}
