'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { acceptInvitation, createGroup, declineInvitation } from '@/server/spaces/space-service';

export async function createGroupAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer('/groupes/nouveau');
  const r = await runAction(() => createGroup(viewer, { name: str(form, 'name'), description: str(form, 'description'), isOpen: str(form, 'isOpen') !== 'false' }));
  if (!r?.ok) return r;
  revalidatePath('/', 'layout');
  redirect(`/espaces/${r.data.id}`);
}

export async function acceptInvitationAction(spaceId: string): Promise<ActionResult> {
  const viewer = await requireViewer('/groupes');
  const r = await runAction(() => acceptInvitation(viewer, spaceId));
  revalidatePath('/', 'layout');
  return r;
}

export async function declineInvitationAction(spaceId: string): Promise<ActionResult> {
  const viewer = await requireViewer('/groupes');
  const r = await runAction(() => declineInvitation(viewer, spaceId));
  revalidatePath('/groupes');
  return r;
}
