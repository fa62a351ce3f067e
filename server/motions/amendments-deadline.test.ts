/**
 * The amendments deadline job: pending in the jobs table from the moment amendments open, it
 * records « Dépôt des amendements clos » (by nobody, dated at the deadline) once the time has
 * come — also when the server was down at that time and a fresh worker drains the table later.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { jobs } from '@/db/schema';
import { assertStageAllows } from '@/server/policy';
import { drain } from '@/server/jobs/queue';
import { handlers } from '@/server/jobs/worker';
import { loadPage } from '@/server/pages/load-page';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { changeStage, motionSummary } from './motion-service';
import { AMENDMENTS_CLOSED_NOTE, AMENDMENTS_DEADLINE_QUEUE, closeAmendmentsAtDeadline } from './amendments-deadline';

const tree = makeTree('Échéance');
const author = makeUser({ name: 'Autrice' });
const secretary = makeUser({ name: 'Secrétaire' });
addMembership(author, tree.section);
addMembership(secretary, tree.section, 'secretary');

function motionOpenUntil(deadline: Date): string {
  const id = makePage(author, tree.section, { title: `Motion ${Math.random()}`, kind: 'motion', visibility: 'members', markdown: 'Dispositif.' }).id;
  changeStage(viewerOf(author), id, { stage: 'filed' });
  changeStage(viewerOf(secretary), id, { stage: 'amendments', deadline: deadline.toISOString() });
  return id;
}

/** The page's deadline job (a finished job keeps no payload: found by its dedupe key). */
const jobOf = (id: string) => db().select().from(jobs).where(eq(jobs.queue, AMENDMENTS_DEADLINE_QUEUE)).all().find((j) => j.dedupeKey?.startsWith(`${AMENDMENTS_DEADLINE_QUEUE}:${id}:`));
const timelineOf = (id: string) => motionSummary(viewerOf(author), id).timeline!;

describe('the amendments deadline job', () => {
  it('waits for the deadline, then records the closing, dated at the deadline, by nobody — drained by a fresh worker after a restart that missed it', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const id = motionOpenUntil(deadline);
    expect(jobOf(id)).toMatchObject({ status: 'pending' });
    // Before the deadline: nothing to run, proposals still welcome.
    await drain(handlers, () => new Date(deadline.getTime() - 1000));
    expect(jobOf(id)).toMatchObject({ status: 'pending' });
    expect(timelineOf(id).some((e) => e.note === AMENDMENTS_CLOSED_NOTE)).toBe(false);
    expect(() => assertStageAllows('proposeAmendment', loadPage(id).ref.deliberation!, new Date(deadline.getTime() - 1000))).not.toThrow();
    // The server was down at the deadline; it starts again two hours later with a fresh worker
    // (the job table is all it knows) and drains what is due.
    const restartedAt = new Date(deadline.getTime() + 2 * 3_600_000);
    const ran = await drain({ ...handlers }, () => restartedAt);
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(jobOf(id)).toMatchObject({ status: 'done' });
    const last = timelineOf(id).at(-1)!;
    expect(last).toMatchObject({ from: 'amendments', to: 'amendments', byName: null, note: AMENDMENTS_CLOSED_NOTE });
    expect(last.at.getTime()).toBe(deadline.getTime());
    // Proposals are refused from the deadline on (the policy's clock), whatever the job did.
    expectAppError(() => assertStageAllows('proposeAmendment', loadPage(id).ref.deliberation!, restartedAt), 'conflict');
    // Run again (a retry), it records nothing twice.
    closeAmendmentsAtDeadline({ pageId: id, deadline: deadline.getTime() });
    expect(timelineOf(id).filter((e) => e.note === AMENDMENTS_CLOSED_NOTE)).toHaveLength(1);
    // The stage stays open for the deciders until the vote opens.
    expect(motionSummary(viewerOf(secretary), id).abilities.openVote).toBe(true);
  });

  it('does nothing when the text moved on before its deadline (the vote opened)', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const id = motionOpenUntil(deadline);
    changeStage(viewerOf(secretary), id, { stage: 'vote', closesAt: new Date(Date.now() + 48 * 3_600_000).toISOString() });
    await drain({ [AMENDMENTS_DEADLINE_QUEUE]: handlers[AMENDMENTS_DEADLINE_QUEUE]! }, () => new Date(deadline.getTime() + 1));
    expect(jobOf(id)).toMatchObject({ status: 'done' });
    expect(timelineOf(id).map((e) => e.to)).toEqual(['draft', 'filed', 'amendments', 'vote']);
  });
});
