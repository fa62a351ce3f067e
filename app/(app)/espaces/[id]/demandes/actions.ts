'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { acceptJoinRequest, cancelJoinRequest, declineJoinRequest, requestToJoin } from '@/server/membership/join-requests';

const spacePath = (id: string) => `/espaces/${id}`;

/** Asks to enter the space (a join, a transfer or a group on request: the service tells which). */
export async function askToJoinAction(spaceId: string, message: string): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer(spacePath(spaceId));
  const r = await runAction(async () => ({ id: (await requestToJoin(viewer, spaceId, { message })).id }));
  revalidatePath(spacePath(spaceId));
  revalidatePath('/');
  return r;
}

/** The person who asked withdraws their request (from the space's page or « Mes demandes »). */
export async function cancelRequestAction(requestId: string): Promise<ActionResult> {
  const viewer = await requireViewer('/');
  const r = await runAction(() => {
    cancelJoinRequest(viewer, requestId);
  });
  revalidatePath('/', 'layout');
  return r;
}

export async function acceptRequestAction(spaceId: string, requestId: string): Promise<ActionResult> {
  const viewer = await requireViewer(`${spacePath(spaceId)}/demandes`);
  const r = await runAction(() => {
    acceptJoinRequest(viewer, requestId);
  });
  revalidatePath('/', 'layout');
  return r;
}

export async function declineRequestAction(spaceId: string, requestId: string, message: string): Promise<ActionResult> {
  const viewer = await requireViewer(`${spacePath(spaceId)}/demandes`);
  const r = await runAction(() => {
    declineJoinRequest(viewer, requestId, { message });
  });
  revalidatePath(`${spacePath(spaceId)}/demandes`);
  revalidatePath(spacePath(spaceId));
  return r;
}
