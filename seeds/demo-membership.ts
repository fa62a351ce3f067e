/**
 * Demo: the section's life around membership (issue 12). Pending invitations by e-mail in
 * Strasbourg-Centre, sent by its secretary through the domain function (one with a word, one as
 * secretary, one sent days ago and resent, one expired and never resent).
 * Join and transfer requests are added here by their own function.
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberInvitations } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { INVITATION_TTL_MS, inviteMembersUnlimited } from '@/server/membership/member-invitations';
import type { SpaceRow } from '@/server/spaces/queries';

const DAY = 86_400_000;

export type DemoMembershipInput = {
  now: number;
  sections: Map<string, SpaceRow>;
  personaBy: (email: string) => string;
};

/** The invitations, as `[address, days ago it was first sent, message, role, days ago it was last sent]`. */
const INVITATIONS: [string, number, string, 'member' | 'secretary', number][] = [
  ['lea.fontaine@exemple.fr', 2, 'Ravie de t’avoir rencontrée au marché de la Krutenau ! La section se réunit chaque premier jeudi du mois.', 'member', 2],
  ['thomas.keller@exemple.fr', 5, '', 'member', 1],
  ['amina.diallo@exemple.fr', 1, 'Comme convenu, pour reprendre le secrétariat avec moi à la rentrée.', 'secretary', 1],
  ['hugo.bernard@exemple.fr', 20, 'Au plaisir de te compter parmi nous.', 'member', 20],
];

export function seedDemoMemberInvitations({ now, sections, personaBy }: DemoMembershipInput): void {
  const section = sections.get('Strasbourg-Centre')!;
  const secretary = loadViewer(personaBy('secretaire@coopol.test'));
  for (const [email, firstDaysAgo, message, role, lastDaysAgo] of INVITATIONS) {
    inviteMembersUnlimited(secretary, section.id, { emails: [email], message, role });
    // Dated as if sent then. A live one keeps its link's own expiry (the link in the demo's mail log
    // works); one sent more than 14 days ago has expired.
    const row = db().select().from(memberInvitations).where(eq(memberInvitations.email, email)).get()!;
    const sentAt = new Date(now - lastDaysAgo * DAY);
    const expired = lastDaysAgo * DAY >= INVITATION_TTL_MS;
    db()
      .update(memberInvitations)
      .set({
        createdAt: new Date(now - firstDaysAgo * DAY),
        lastSentAt: sentAt,
        ...(expired ? { expiresAt: new Date(sentAt.getTime() + INVITATION_TTL_MS) } : {}),
        sendCount: firstDaysAgo === lastDaysAgo ? 1 : 2,
      })
      .where(eq(memberInvitations.id, row.id))
      .run();
  }
}
