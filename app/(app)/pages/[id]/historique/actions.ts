'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { restoreVersion } from '@/server/versions/version-service';

/** Restores a version as a new change of the live document (open editors see it at once). */
export async function restoreVersionAction(pageId: string, versionId: string): Promise<ActionResult> {
  const viewer = await requireViewer(`/pages/${pageId}/historique`);
  const r = await runAction(() => {
    restoreVersion(viewer, pageId, versionId);
  });
  revalidatePath(`/pages/${pageId}`);
  revalidatePath(`/pages/${pageId}/historique`);
  return r;
}
