'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { AppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { isCreatableKind, pageTemplate } from '@/lib/pages/templates';
import { createPage } from '@/server/pages/page-service';
import { createEvent } from '@/server/events/event-service';
import { eventInputFromForm, withFormFields } from '@/server/events/event-form';

/**
 * « Créer et écrire »: a draft of the chosen kind in the chosen space, starting with its kind's
 * template, then the live editor. Who reads it is chosen when it is published.
 */
export async function createPageAction(fromSpaceId: string, _prev: unknown, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer(`/espaces/${fromSpaceId}/nouvelle-page`);
  const kind = str(form, 'kind');
  const spaceId = str(form, 'spaceId') || fromSpaceId;
  const locale = await getLocale();
  const r = await runAction(() => {
    // Sections and groups get their page with their space, never from this form.
    if (!isCreatableKind(kind)) throw new AppError('invalid_input', 'Unknown kind of page.', 'kind');
    // An event: its dates, place and slots with the page, published on the space's agenda.
    if (kind === 'event') {
      const visibility = str(form, 'visibility') as 'public' | 'members' | 'space';
      return { id: withFormFields(() => createEvent(viewer, spaceId, { title: str(form, 'title'), visibility, ...eventInputFromForm(form) }, { locale })).pageId };
    }
    return createPage(viewer, { spaceId, kind, title: str(form, 'title'), markdown: pageTemplate(kind, locale), status: 'draft', visibility: 'space' });
  });
  if (!r?.ok) return r;
  revalidatePath(`/espaces/${spaceId}`);
  redirect(`/pages/${r.data.id}?created=1`);
}
