/**
 * The RSVP box of an event page: the domain's view of this visitor's answer (seat counts, no
 * names) handed to the client box with its actions bound to the page. Nothing for a page that is
 * not an event, nor for a visitor who can neither answer nor organise it.
 */
import { getLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { RsvpBox } from '@/components/events/RsvpBox';
import { isAppError } from '@/lib/errors';
import { rsvpBoxView, type RsvpBoxView } from '@/server/events/guests';
import type { Viewer } from '@/server/policy';
import { answerEventAction, registerEventAction } from './participants/actions';

export async function EventRsvpSection({ viewer, pageId }: { viewer: Viewer; pageId: string }) {
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  let view: RsvpBoxView;
  try {
    view = rsvpBoxView(viewer, pageId, { locale });
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
  if (!view.canAnswer && !view.mine && !view.manage) return null;
  return (
    <ClientMessages ns={['rsvp']}>
      <RsvpBox
        data={view}
        answer={answerEventAction.bind(null, pageId)}
        register={registerEventAction.bind(null, pageId)}
        manageHref={view.manage ? `/pages/${pageId}/participants` : null}
      />
    </ClientMessages>
  );
}
