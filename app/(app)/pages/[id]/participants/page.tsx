/**
 * An event's participants, for its organisers: answers as they arrive (filters, search, reminder,
 * CSV), invitations, and the check-in mode for a phone at the door. Anyone else: 404 when they
 * cannot read the event, a plain refusal when they can.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { CheckIn } from '@/components/events/CheckIn';
import { GuestList } from '@/components/events/GuestList';
import { InviteGuestsForm } from '@/components/events/InviteGuestsForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { formatEventRange } from '@/server/events/event-time';
import { listGuests, loadEvent } from '@/server/events/guests';
import { canSpace, type Viewer } from '@/server/policy';
import { listMySpaces, toSpaceRef } from '@/server/spaces/queries';
import { checkInAction, inviteGuestsAction, listGuestsAction, remindGuestsAction } from './actions';
import '@/components/events/participants.css';

type Params = Promise<{ id: string }>;
const MODES = ['reponses', 'pointage', 'inviter'] as const;
type Mode = (typeof MODES)[number];

const read = cache(async (id: string) => {
  const viewer = await requireViewer(`/pages/${id}/participants`);
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  try {
    const ctx = loadEvent(id);
    // Read here, once per request: answers close when the event ends.
    const ended = ctx.event.endsAt.getTime() <= Date.now();
    try {
      return { viewer, locale, ctx, ended, list: listGuests(viewer, id, { locale }) } as const;
    } catch (e) {
      if (isAppError(e) && e.code === 'forbidden') return { viewer, locale, ctx, ended, list: null } as const;
      throw e;
    }
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { ctx } = await read((await params).id);
  return { title: (await getTranslations('rsvp.participants'))('metaTitle', { title: ctx.page.row.title }), robots: { index: false } };
}

function inviteTargets(viewer: NonNullable<Viewer>, ctx: ReturnType<typeof loadEvent>) {
  const space = ctx.page.space;
  const own = canSpace(viewer, 'listMembers', toSpaceRef(space)) && space.kind !== 'national' && space.kind !== 'federation' ? { id: space.id, name: space.name } : null;
  const groups = listMySpaces(viewer.id)
    .filter((s) => s.kind === 'group' && s.id !== own?.id)
    .map((s) => ({ id: s.id, name: s.name }));
  return { space: own, groups };
}

export default async function ParticipantsPage({ params, searchParams }: { params: Params; searchParams: Promise<{ mode?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const mode: Mode = (MODES as readonly string[]).includes(sp.mode ?? '') ? (sp.mode as Mode) : 'reponses';
  const { viewer, locale, ctx, ended, list } = await read(id);
  const t = await getTranslations('rsvp');
  const title = ctx.page.row.title;
  const when = formatEventRange(ctx.event.startsAt, ctx.event.endsAt, locale, ctx.event.timeZone);
  const modeLabel: Record<Mode, string> = { reponses: t('participants.answers'), pointage: t('participants.checkin'), inviter: t('participants.invite') };
  return (
    <article className="stack participants-screen">
      <div>
        <Breadcrumbs items={[{ href: `/pages/${id}`, label: title }, { label: t('participants.title') }]} />
        <h1 style={{ marginBottom: 4 }}>{t('participants.title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          <Link href={`/pages/${id}`}>{title}</Link> · {when}
        </p>
      </div>
      {list === null ? (
        <p className="alert alert-warn">{t('participants.forbidden')}</p>
      ) : (
        <ClientMessages ns={['rsvp']}>
          <nav aria-label={t('participants.modes')} className="participants-modes">
            {MODES.filter((m) => m !== 'inviter' || !ended).map((m) => (
              <Link key={m} href={m === 'reponses' ? `/pages/${id}/participants` : `/pages/${id}/participants?mode=${m}`} aria-current={mode === m ? 'page' : undefined}>
                {modeLabel[m]}
              </Link>
            ))}
          </nav>
          {mode === 'pointage' ? (
            <CheckIn initial={list} list={listGuestsAction.bind(null, id)} checkIn={checkInAction.bind(null, id)} />
          ) : mode === 'inviter' && !ended ? (
            <InviteGuestsForm {...inviteTargets(viewer, ctx)} invite={inviteGuestsAction.bind(null, id)} />
          ) : (
            <GuestList initial={list} list={listGuestsAction.bind(null, id)} remind={remindGuestsAction.bind(null, id)} exportHref={`/api/v1/events/${id}/rsvps?format=csv`} ended={ended} />
          )}
        </ClientMessages>
      )}
    </article>
  );
}
