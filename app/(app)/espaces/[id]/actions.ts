'use server';
import { revalidatePath } from 'next/cache';
import { SPACE_ROLES, type SpaceRole } from '@/lib/domain/enums';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { restorePage } from '@/server/pages/page-service';
import { createSubspace, joinGroup, leaveGroup, removeMember, requestMemberAdd, setMemberRole } from '@/server/spaces/space-service';

const spacePath = (id: string) => `/espaces/${id}`;
const membersPath = (id: string) => `/espaces/${id}/membres`;

export async function joinGroupAction(spaceId: string): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(() => joinGroup(viewer, spaceId));
  revalidatePath('/', 'layout');
  return r;
}

export async function leaveGroupAction(spaceId: string): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(() => leaveGroup(viewer, spaceId));
  revalidatePath('/', 'layout');
  return r;
}

/** Answers the same whatever the address (see addMember): the form says so in one sentence. */
export async function addMemberAction(spaceId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const role = str(form, 'role') as SpaceRole;
  const r = await runAction(() => requestMemberAdd(viewer, spaceId, { email: str(form, 'email'), role: SPACE_ROLES.includes(role) ? role : 'member' }));
  revalidatePath(spacePath(spaceId));
  revalidatePath(membersPath(spaceId));
  return r;
}

export async function removeMemberAction(spaceId: string, userId: string): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(() => removeMember(viewer, spaceId, userId));
  revalidatePath(spacePath(spaceId));
  revalidatePath(membersPath(spaceId));
  return r;
}

export async function setRoleAction(spaceId: string, userId: string, role: SpaceRole): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(() => setMemberRole(viewer, spaceId, userId, role));
  revalidatePath(spacePath(spaceId));
  revalidatePath(membersPath(spaceId));
  return r;
}

export async function createSubspaceAction(parentId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer(spacePath(parentId));
  const r = await runAction(() => ({ id: createSubspace(viewer, { parentId, name: str(form, 'name'), description: str(form, 'description') }).id }));
  revalidatePath(spacePath(parentId));
  return r;
}

export async function restorePageAction(spaceId: string, pageId: string): Promise<ActionResult> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(() => {
    restorePage(viewer, pageId);
  });
  revalidatePath(spacePath(spaceId));
  revalidatePath(`${spacePath(spaceId)}/corbeille`);
  return r;
}
