'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { requireViewer } from '@/server/auth/current';
import { runAction, type ActionResult } from '@/server/http/action';
import { updateEvent, writeMinutes } from '@/server/events/event-service';
import { eventInputFromForm, withFormFields } from '@/server/events/event-form';

/** The organisers' edit dialog: dates, place, capacity, slots (slots keep their id). */
export async function updateEventAction(pageId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(`/pages/${pageId}`);
  const r = await runAction(() => {
    withFormFields(() => updateEvent(viewer, pageId, eventInputFromForm(form)));
    return null;
  });
  if (r?.ok) revalidatePath(`/pages/${pageId}`);
  return r;
}

/** « Rédiger le compte rendu »: the minutes page (made once), opened in the editor. */
export async function writeMinutesAction(pageId: string): Promise<void> {
  const viewer = await requireViewer(`/pages/${pageId}`);
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const { pageId: minutesId, created } = writeMinutes(viewer, pageId, { locale });
  revalidatePath(`/pages/${pageId}`);
  redirect(`/pages/${minutesId}${created ? '?created=1' : ''}`);
}
