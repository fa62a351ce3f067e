/**
 * Demo: the section's life around membership (issue 12). Pending invitations by e-mail in
 * Strasbourg-Centre, sent by its secretary through the domain function (one with a word, one as
 * secretary, one sent days ago and resent, one expired and never resent).
 * Pending join requests, a transfer and a request to join a group on request: `seedDemoJoinRequests`.
 */
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobs, memberInvitations, memberships, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { INVITATION_TTL_MS, inviteMembersUnlimited } from '@/server/membership/member-invitations';
import { submitJoinRequest } from '@/server/membership/join-requests';
import type { SpaceRow } from '@/server/spaces/queries';
import { insertUser } from './people';

const DAY = 86_400_000;
const HOUR = 3_600_000;

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

export type DemoJoinRequestsInput = {
  now: number;
  sections: Map<string, SpaceRow>;
  groups: Map<string, SpaceRow>;
};

/** Citizens asking to join the party, as `[name, address, section, hours ago, message]`. */
const JOIN_REQUESTS: [string, string, string, number, string][] = [
  ['Léna Fabre', 'lena.fabre.adhesion@exemple.fr', 'Strasbourg-Centre', 50, 'Bonjour, j’habite la Krutenau depuis peu et je voudrais m’engager pour les municipales. Je suis disponible le soir et le samedi matin.'],
  ['Karim Haddou', 'karim.haddou.adhesion@exemple.fr', 'Strasbourg-Centre', 6, 'Enseignant au lycée Kléber, je suis venu à vos deux réunions publiques sur le logement. J’aimerais rejoindre la section.'],
  ['Odette Marchal', 'odette.marchal.adhesion@exemple.fr', 'Colmar', 26, ''],
];

/** The first plain member (no role) of a space by name: deterministic in a seeded database. */
function firstPlainMember(space: SpaceRow): string {
  return db()
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.spaceId, space.id), eq(memberships.role, 'member'), eq(users.siteRole, 'member')))
    .orderBy(asc(users.name), asc(users.id))
    .get()!.id;
}

/**
 * Pending requests, through the domain function, dated in the last days: citizens asking to join
 * Strasbourg-Centre (two, with messages) and Colmar, a member of Mulhouse asking to move to
 * Strasbourg-Centre, and a member of Strasbourg-Neudorf asking to join « Féminisme et égalité »
 * (a group on request). Their deciders' home pages and « Demandes » screens show them.
 */
export function seedDemoJoinRequests({ now, sections, groups }: DemoJoinRequestsInput): void {
  // The mails these requests sent their deciders, days ago: not sent again when the demo starts.
  const lastJob = db().select({ id: jobs.id }).from(jobs).orderBy(desc(jobs.id)).limit(1).get()?.id ?? 0;
  const ask = (userId: string, space: SpaceRow, hoursAgo: number, message: string) =>
    submitJoinRequest(loadViewer(userId), space.id, { message }, new Date(now - hoursAgo * HOUR));
  for (const [name, email, section, hoursAgo, message] of JOIN_REQUESTS) {
    const id = insertUser({ email, name, siteRole: 'citizen', createdAt: new Date(now - (hoursAgo + 24) * HOUR) });
    ask(id, sections.get(section)!, hoursAgo, message);
  }
  ask(firstPlainMember(sections.get('Mulhouse')!), sections.get('Strasbourg-Centre')!, 72, 'Je déménage à Strasbourg en janvier pour mon travail : je souhaite continuer à militer dans ma nouvelle ville.');
  ask(
    firstPlainMember(sections.get('Strasbourg-Neudorf')!),
    groups.get('Féminisme et égalité')!,
    20,
    'Je coordonne la commission égalité de ma section et j’aimerais relire avec vous le chapitre du programme sur l’égalité salariale.',
  );
  db()
    .delete(jobs)
    .where(and(gt(jobs.id, lastJob), eq(jobs.queue, 'mail')))
    .run();
}
