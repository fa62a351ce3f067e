'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { createInvitation, revokeInvitation } from '@/server/invitations/invitation-service';

const INVITATIONS = '/invitations';

export async function createInvitationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ value: string }>> {
  const viewer = await requireViewer(INVITATIONS);
  const r = await runAction(() => ({
    value: createInvitation(viewer, { maxUses: str(form, 'maxUses') || undefined, expiresInDays: str(form, 'expiresInDays') || undefined, note: str(form, 'note') }).url,
  }));
  revalidatePath(INVITATIONS);
  return r;
}

export async function revokeInvitationAction(id: string): Promise<ActionResult> {
  const viewer = await requireViewer(INVITATIONS);
  const r = await runAction(() => revokeInvitation(viewer, id));
  revalidatePath(INVITATIONS);
  return r;
}
