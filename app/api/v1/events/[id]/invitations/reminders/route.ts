import { apiRoute, signedIn } from '@/server/http/api';
import { remindNonResponders } from '@/server/events/reminders';

export const dynamic = 'force-dynamic';

/** « Relancer » : mails again those invited who have not answered (nobody twice within an hour); answers how many. */
export const POST = apiRoute<{ id: string }>(async (_req, { viewer, params }) => {
  return remindNonResponders(signedIn(viewer), params.id);
});
