'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { setMotionLineLength, setRegistrationOpen } from '@/server/settings/site-settings';

export async function setRegistrationOpenAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer('/admin');
  const r = await runAction(() => setRegistrationOpen(viewer, str(form, 'open') === 'on'));
  revalidatePath('/admin');
  return r;
}

export async function setMotionLineLengthAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer('/admin');
  const r = await runAction(() => setMotionLineLength(viewer, Number(str(form, 'motionLineLength'))));
  revalidatePath('/admin');
  return r;
}
