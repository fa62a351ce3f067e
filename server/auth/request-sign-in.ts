/**
 * Who may receive a sign-in link: known accounts always; unknown e-mails only while
 * registration is open or with a valid invitation (the account is created as a citizen).
 * Whoever asks is answered the same ("if this address may sign in, a link is on its way"):
 * `send` says whether a link is to be sent, and is never shown. Rate-limited per e-mail and per IP.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { users, type Locale } from '@/db/schema';
import { limit } from '@/server/http/rate-limit';
import { checkInvitation, useInvitation } from '@/server/invitations/invitation-service';
import { parseInput } from '@/lib/parse-input';
import { isRegistrationOpen } from '@/server/settings/site-settings';

export const emailSchema = z.string().trim().toLowerCase().email().max(254);

export async function requestSignIn(raw: { email: string; ip: string; invitation?: string; locale?: Locale }): Promise<{ email: string; send: boolean }> {
  const email = parseInput(emailSchema, raw.email);
  await limit('signin-ip', raw.ip || 'unknown', 20, 15 * 60);
  await limit('signin-email', email, 5, 15 * 60);
  // A spent or forged invitation is refused before the address is looked at, so that the
  // refusal says nothing of the address.
  if (raw.invitation) checkInvitation(raw.invitation);
  const existing = db().select().from(users).where(eq(users.email, email)).get();
  if (existing && !existing.deletedAt) return { email, send: true };
  return db().transaction(() => {
    const pendingInvitationId = raw.invitation ? useInvitation(raw.invitation) : null;
    if (!pendingInvitationId && !isRegistrationOpen()) return { email, send: false };
    db().insert(users).values({ email, siteRole: 'citizen', locale: raw.locale ?? 'fr', pendingInvitationId, selfRegistered: !pendingInvitationId }).run();
    return { email, send: true };
  });
}
