'use server';
/**
 * The event's RSVP actions: one's own answer on the event page (signed in, or an anonymous
 * visitor's sign-up on a public event), and the organisers' invitations, reminders, list and
 * check-in on the participants screen. Each parses, calls one domain function, revalidates.
 */
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { isAppError } from '@/lib/errors';
import { getViewer, requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import { limit } from '@/server/http/rate-limit';
import {
  checkIn,
  inviteGuests,
  listGuests,
  registerAnonymously,
  respond,
  rsvpBoxView,
  splitAddresses,
  type GuestCounts,
  type GuestList,
  type InviteResult,
  type RsvpBoxView,
} from '@/server/events/guests';
import { remindNonResponders } from '@/server/events/reminders';
import type { EventResponse } from '@/lib/domain/enums';

const pagePath = (id: string) => `/pages/${id}`;
const locale = async () => ((await getLocale()) === 'en' ? 'en' : 'fr') as 'fr' | 'en';

/** As runAction, with this screen's own words for the refusals it names (an event over, a slot to choose…). */
async function run<T>(fn: () => T | Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), at: Date.now() };
  } catch (e) {
    if (isAppError(e) && e.detail) {
      const t = await getTranslations('rsvp.errors');
      if (t.has(e.detail.key)) return { ok: false, error: { code: e.code, message: t(e.detail.key, e.detail.values), field: e.field }, at: Date.now() };
    }
    return runAction(() => {
      throw e;
    });
  }
}

/** A signed-in person's own answer; answers the box as it now stands. */
export async function answerEventAction(pageId: string, input: { response: EventResponse; slotId: string | null }): Promise<ActionResult<RsvpBoxView>> {
  const viewer = await requireViewer(pagePath(pageId));
  const lang = await locale();
  const r = await run(() => {
    respond(viewer, pageId, input);
    return rsvpBoxView(viewer, pageId, { locale: lang });
  });
  revalidatePath(pagePath(pageId));
  return r;
}

/** An anonymous visitor of a public event: name, address, answer (and slot); a link is mailed to confirm. */
export async function registerEventAction(pageId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  const viewer = await getViewer();
  const ip = (await headers()).get('x-coopol-ip') ?? 'unknown';
  return run(async () => {
    await limit('event-registration', ip, 20, 3600);
    const input = { response: str(form, 'response') as EventResponse, email: str(form, 'email'), name: str(form, 'name'), slotId: str(form, 'slotId') || null };
    if (viewer) {
      respond(viewer, pageId, input);
      return { email: '' };
    }
    registerAnonymously(pageId, input);
    return { email: input.email.trim() };
  });
}

/** Invites a space's members (`spaceId`) or pasted addresses (`emails`: one per line, or separated by commas). */
export async function inviteGuestsAction(pageId: string, input: { spaceId: string } | { emails: string }): Promise<ActionResult<InviteResult>> {
  const viewer = await requireViewer(pagePath(pageId));
  const r = await run(() => inviteGuests(viewer, pageId, 'spaceId' in input ? { spaceId: input.spaceId } : { emails: splitAddresses(input.emails) }));
  revalidatePath(`${pagePath(pageId)}/participants`);
  return r;
}

export async function remindGuestsAction(pageId: string): Promise<ActionResult<{ reminded: number }>> {
  const viewer = await requireViewer(pagePath(pageId));
  return run(() => remindNonResponders(viewer, pageId));
}

export async function listGuestsAction(pageId: string): Promise<ActionResult<GuestList>> {
  const viewer = await requireViewer(pagePath(pageId));
  const lang = await locale();
  return run(() => listGuests(viewer, pageId, { locale: lang }));
}

export async function checkInAction(pageId: string, guestId: string, attended: boolean): Promise<ActionResult<GuestCounts>> {
  const viewer = await requireViewer(pagePath(pageId));
  return run(() => checkIn(viewer, pageId, guestId, attended));
}
