'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { restoreVersion } from '@/server/versions/version-service';

/** Restores a version as a new change of the live document (open editors see it at once). */
export async function restoreVersionAction(pageId: string, versionId: string): Promise<ActionResult<{ unchanged: boolean }>> {
  const viewer = await requireViewer(`/pages/${pageId}/historique`);
  // The text may already be that version's: then nothing changes, and the person is told so.
  const r = await runAction(() => ({ unchanged: restoreVersion(viewer, pageId, versionId) === null }));
  revalidatePath(`/pages/${pageId}`);
  revalidatePath(`/pages/${pageId}/historique`);
  return r;
}
