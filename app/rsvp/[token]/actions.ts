'use server';
/** The answer sent from an RSVP link's page (no account: the link is the credential). */
import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { str } from '@/server/http/action';
import { respondWithToken } from '@/server/events/guests';
import type { EventResponse } from '@/lib/domain/enums';

/** Records the answer, then shows the page again (after a redirect: a reload sends nothing twice). */
export async function answerByLinkAction(token: string, form: FormData): Promise<void> {
  let problem: string | null = null;
  try {
    respondWithToken(token, { response: str(form, 'response') as EventResponse, slotId: str(form, 'slotId') || null });
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.detail?.key ?? e.code;
  }
  redirect(`/rsvp/${encodeURIComponent(token)}?${problem ? `error=${encodeURIComponent(problem)}` : 'ok=1'}`);
}
