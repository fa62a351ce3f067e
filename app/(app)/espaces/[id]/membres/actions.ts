'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { actionError, runAction, str, type ActionResult } from '@/server/http/action';
import { inviteMembers, resendInvitation, revokeInvitation } from '@/server/membership/member-invitations';

const membersPath = (id: string) => `/espaces/${id}/membres`;

/**
 * `runAction`, with this screen's own wording of the refusals that have one (`membership.errors`),
 * the others as everywhere.
 */
async function run<T>(fn: () => Promise<T> | T): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), at: Date.now() };
  } catch (e) {
    if (isAppError(e) && e.detail) {
      const t = await getTranslations('membership.errors');
      if (t.has(e.detail.key)) return { ok: false, error: { ...actionError(e, await getTranslations('errors')), message: t(e.detail.key, e.detail.values) }, at: Date.now() };
    }
    return runAction(() => {
      throw e;
    });
  }
}

/** Answers the same whatever the addresses (see inviteMembers). */
export async function inviteMembersAction(spaceId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(membersPath(spaceId));
  const r = await run(() => inviteMembers(viewer, spaceId, { emails: str(form, 'emails'), message: str(form, 'message'), role: str(form, 'role') || undefined }));
  revalidatePath(membersPath(spaceId));
  return r;
}

export async function resendInvitationAction(spaceId: string, invitationId: string): Promise<ActionResult> {
  const viewer = await requireViewer(membersPath(spaceId));
  const r = await run(async () => {
    await resendInvitation(viewer, spaceId, invitationId);
  });
  revalidatePath(membersPath(spaceId));
  return r;
}

export async function revokeInvitationAction(spaceId: string, invitationId: string): Promise<ActionResult> {
  const viewer = await requireViewer(membersPath(spaceId));
  const r = await run(() => revokeInvitation(viewer, spaceId, invitationId));
  revalidatePath(membersPath(spaceId));
  return r;
}
