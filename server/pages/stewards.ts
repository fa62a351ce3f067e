/**
 * Named co-authors (page_stewards): stewardship of a page — publish, archive, delete, change its
 * visibility — is a deliberate role. The page's creator (or an animator of its space) names
 * party members who may read the page, and may remove them; typing in a page never names anyone.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Db } from '@/db/client';
import { memberships, pageAuthors, pageStewards, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { foldText } from '@/lib/text/fold';
import { authorizePage, canPage, steersOnceNamed, type Viewer } from '@/server/policy';
import { loadViewer } from '@/server/auth/load-viewer';
import { displayName, sectionNameSql } from '@/server/users/display-name';
import { notifyAccessChanged } from '@/server/documents/live-rooms';
import { loadPage } from './load-page';

export type Steward = { userId: string; displayName: string; isCreator: boolean };
export type StewardList = { stewards: Steward[]; canManage: boolean };

/** The creator and the named co-authors of a page, for those who may read it. */
export function listStewards(viewer: Viewer, pageId: string): StewardList {
  const { row, ref } = loadPage(pageId);
  authorizePage(viewer, 'viewStewards', ref); // internal to the party: not_found outside it
  const people = db()
    .select({ id: users.id, name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id), addedAt: pageStewards.createdAt })
    .from(pageStewards)
    .innerJoin(users, eq(users.id, pageStewards.userId))
    .where(eq(pageStewards.pageId, pageId))
    .orderBy(pageStewards.createdAt)
    .all();
  const creator = row.createdBy
    ? db().select({ id: users.id, name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id) }).from(users).where(eq(users.id, row.createdBy)).get()
    : undefined;
  const named = (p: { id: string; name: string | null; deletedAt: Date | null; sectionName: string | null }, isCreator: boolean): Steward => ({
    userId: p.id,
    displayName: displayName(p, { sectionName: p.sectionName }),
    isCreator,
  });
  return {
    stewards: [...(creator ? [named(creator, true)] : []), ...people.filter((p) => p.id !== row.createdBy).map((p) => named(p, false))],
    canManage: canPage(viewer, 'manageStewards', ref),
  };
}

export const stewardInput = z.object({ person: z.string().trim().min(1).max(200) });

const noOne = () =>
  new AppError('invalid_input', 'No party member who may read this page has this name or address.', 'person', { key: 'stewardNotFound' });

/**
 * People the nominator already sees as party members: the page's authors, the members of its
 * space and of every space the nominator belongs to (their member lists show them). Only they can
 * be named, so that naming never tells whether some address or name belongs to the party.
 */
function knownToNominator(nominatorId: string, pageId: string, spaceId: string, userIds: string[]): Set<string> {
  if (userIds.length === 0) return new Set();
  const ids = sql.join(userIds.map((id) => sql`${id}`), sql`, `);
  const rows = db().all<{ id: string }>(sql`
    select ${pageAuthors.userId} as id from ${pageAuthors} where ${pageAuthors.pageId} = ${pageId} and ${pageAuthors.userId} in (${ids})
    union
    select m.user_id as id from ${memberships} m
      where m.user_id in (${ids})
        and (m.space_id = ${spaceId} or m.space_id in (select space_id from ${memberships} where user_id = ${nominatorId}))`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Names a co-author by e-mail address or full name. Only a party member who may read the page
 * (once named) and whom the nominator already knows as one (knownToNominator) can be named;
 * anyone else — unknown address, citizen, member the nominator has never met, someone who may
 * not read — gets the same answer.
 */
export function addSteward(viewer: Viewer, pageId: string, raw: z.input<typeof stewardInput>): Steward {
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'manageStewards', ref);
  const { person } = parseInput(stewardInput, raw);
  const candidates = person.includes('@')
    ? db().select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, person.toLowerCase())).all()
    : db()
        .select({ id: users.id })
        .from(users)
        .where(sql`coopol_fold(coalesce(${users.name}, '')) = ${foldText(person)}`)
        .limit(20)
        .all();
  const known = knownToNominator(viewer!.id, pageId, ref.space.id, candidates.map((c) => c.id));
  const eligible = candidates
    .filter((c) => known.has(c.id))
    .map((c) => loadViewer(c.id))
    .filter((v): v is NonNullable<Viewer> => steersOnceNamed(v, ref));
  if (eligible.length === 0) throw noOne();
  if (eligible.length > 1) throw new AppError('invalid_input', 'Several members have this name: give the e-mail address.', 'person', { key: 'stewardAmbiguous' });
  const target = eligible[0]!;
  if (target.id === ref.createdBy || ref.stewardIds.includes(target.id)) {
    throw new AppError('conflict', 'This person already steers this page.', 'person', { key: 'stewardAlready' });
  }
  db().insert(pageStewards).values({ pageId, userId: target.id, addedBy: viewer!.id }).onConflictDoNothing().run();
  return listStewards(viewer, pageId).stewards.find((s) => s.userId === target.id)!;
}

/**
 * Names a co-author from the server side, in the caller's transaction, as the consequence of a
 * decider's act (an accepted amendment names its amender). Nothing for the creator or one named.
 */
export function nameCoAuthor(tx: Pick<Db, 'insert'>, pageId: string, userId: string, addedBy: string | null): void {
  tx.insert(pageStewards).values({ pageId, userId, addedBy }).onConflictDoNothing().run();
}

/** Removes a named co-author (the creator stays: their role is not a nomination). */
export function removeSteward(viewer: Viewer, pageId: string, userId: string): void {
  const { ref } = loadPage(pageId);
  authorizePage(viewer, 'manageStewards', ref);
  const res = db()
    .delete(pageStewards)
    .where(and(eq(pageStewards.pageId, pageId), eq(pageStewards.userId, userId)))
    .run();
  if (res.changes === 0) throw new AppError('not_found');
  // A co-author named on a draft read and edited it through the nomination: their editors close.
  notifyAccessChanged({ pageIds: [pageId], userIds: [userId] });
}
