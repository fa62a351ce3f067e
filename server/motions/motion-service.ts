/**
 * A motion's life (issue 11): draft → filed → amendments → vote → adopted | rejected, or
 * withdrawn before the vote; and a chapter (a `document`) opened for amendments and closed again
 * by its space's animators. Who may move a stage is the policy's (authorizeDeliberation, then
 * assertStageAllows); every move goes through the stage log (recordStageChange) in one
 * transaction with what the stage sets up, and re-checks open editors after the commit.
 *
 * A motion is created by createPage with kind `motion` (its deliberation row starts at `draft`).
 * Its outcome (adopted / rejected) is written when its poll closes (server/deliberations/poll-outcomes).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { amendments, pages, polls, spaces, MAJORITIES, type Locale } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { assertStageAllows, authorizeDeliberation, authorizePage, deliberationAbilities, isPartyMember, type DeliberationAction, type Viewer } from '@/server/policy';
import { afterStageChange, getDeliberation, recordStageChange, stageTimeline, startDeliberation } from '@/server/deliberations/stage-log';
import { docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { notifyLinkTargetsChanged } from '@/server/documents/live-rooms';
import { loadPage, type LoadedPage } from '@/server/pages/load-page';
import { recordActivity } from '@/server/activity/record-activity';
import { displayNameOf } from '@/server/users/display-name';
import { recordPublication } from '@/server/versions/versions';
import { openPoll } from '@/server/votes/polls';
import { scheduleAmendmentsDeadline } from './amendments-deadline';
import { freezeLineMap } from './line-numbers';
import { assertSignatureRequirement, mySignature, signatureCounts } from './signatures';
import type { DeliberationStage } from '@/lib/domain/enums';

/** The name of the version frozen when a motion is filed. */
export const FILED_VERSION_NAME = 'Motion déposée';

/** The stages a person asks for; adopted and rejected follow from the vote, draft is where a motion starts. */
export const REQUESTABLE_STAGES = ['filed', 'withdrawn', 'amendments', 'vote', 'closed'] as const;

const ACTION_OF: Record<(typeof REQUESTABLE_STAGES)[number], DeliberationAction> = {
  filed: 'file',
  withdrawn: 'withdraw',
  amendments: 'openAmendments',
  vote: 'openVote',
  closed: 'closeAmendments',
};

const when = z.union([z.string(), z.number(), z.date()]).pipe(z.coerce.date({ message: 'expected a date (ISO 8601)' }));

export const changeStageInput = z.object({
  stage: z.enum(REQUESTABLE_STAGES, { message: `expected one of ${REQUESTABLE_STAGES.join(', ')} (adopted and rejected follow from the vote)` }),
  /** When amendments close (opening amendments). */
  deadline: when.optional(),
  /** When the vote closes (opening the vote). */
  closesAt: when.optional(),
  /** Share of the voters (0–100 %) whose ballots the result needs. */
  quorum: z.number().int().min(0).max(100).optional(),
  majority: z.enum(MAJORITIES, { message: `expected one of ${MAJORITIES.join(', ')}` }).optional(),
});
export type ChangeStageInput = z.input<typeof changeStageInput>;

function futureOrRefuse(value: Date | undefined, field: 'deadline' | 'closesAt', now: Date, required: boolean): Date | null {
  if (!value) {
    if (required) throw new AppError('invalid_input', `${field}: required for this stage.`, field);
    return null;
  }
  if (value.getTime() <= now.getTime()) throw new AppError('invalid_input', `${field}: must be in the future.`, field);
  return value;
}

/**
 * Moves the page's deliberation to `stage`: file (the first signatory), withdraw (the authors,
 * before the vote), open amendments (with a deadline) or the vote (closing time, quorum,
 * majority) — both need the signature requirement met —, or for a chapter open and close its
 * amendments. 400 naming the field, 404 / 403 by the policy, 409 with the reason.
 */
export function changeStage(viewer: Viewer, pageId: string, raw: ChangeStageInput, now = new Date()): MotionSummary {
  const input = parseInput(changeStageInput, raw);
  const { ref, row } = loadPage(pageId);
  const action = ACTION_OF[input.stage];
  authorizeDeliberation(viewer, action, ref);
  const d = ref.deliberation ?? null;
  assertStageAllows(action, d, now);
  const userId = viewer!.id;
  const isMotion = d?.procedure === 'motion' || ref.kind === 'motion';
  const current = getDeliberation(pageId);
  if (isMotion && !current) throw new AppError('conflict', 'This motion has no stage yet.');
  const lineMap = () => freezeLineMap(docOfState(liveDocState(pageId)), input.stage as DeliberationStage);

  switch (input.stage) {
    case 'filed': {
      const space = db().select({ motionSignatures: spaces.motionSignatures, motionSections: spaces.motionSections }).from(spaces).where(eq(spaces.id, row.spaceId)).get()!;
      db().transaction((tx) => {
        tx.update(pages).set({ status: 'published', publishedAt: now, updatedAt: now, updatedBy: userId }).where(eq(pages.id, pageId)).run();
        // Nested: a savepoint of this transaction. The version is what the public reads from now on.
        const version = recordPublication(pageId, userId, FILED_VERSION_NAME, now);
        recordStageChange(tx, pageId, 'filed', userId, {
          now,
          set: { filedVersionId: version?.id ?? null, requiredSignatures: space.motionSignatures, requiredSections: space.motionSections, lineMap: lineMap() },
        });
      });
      recordActivity(pageId, userId, 'published', now);
      notifyLinkTargetsChanged([pageId]);
      break;
    }
    case 'withdrawn':
      db().transaction((tx) => recordStageChange(tx, pageId, 'withdrawn', userId, { now }));
      break;
    case 'amendments': {
      const deadline = futureOrRefuse(input.deadline, 'deadline', now, isMotion);
      if (isMotion) assertSignatureRequirement(pageId, current!);
      db().transaction((tx) => {
        const set = { amendmentsCloseAt: deadline, lineMap: lineMap() };
        if (current) recordStageChange(tx, pageId, 'amendments', userId, { now, set });
        else startDeliberation(tx, pageId, 'chapter', 'amendments', userId, { now, set });
        if (deadline) scheduleAmendmentsDeadline(tx, pageId, deadline);
      });
      break;
    }
    case 'vote': {
      const closesAt = futureOrRefuse(input.closesAt, 'closesAt', now, true)!;
      assertSignatureRequirement(pageId, current!);
      assertNoPendingAmendments(pageId);
      db().transaction((tx) => {
        openPoll(tx, { pageId, subject: 'motion', spaceId: row.spaceId, closesAt, quorumPercent: input.quorum ?? 0, majority: input.majority ?? 'simple', openedBy: userId }, now);
        recordStageChange(tx, pageId, 'vote', userId, { now, set: { lineMap: lineMap() } });
      });
      break;
    }
    case 'closed':
      assertNoPendingAmendments(pageId);
      db().transaction((tx) => recordStageChange(tx, pageId, 'closed', userId, { now }));
      break;
  }
  afterStageChange(pageId);
  return motionSummary(viewer, pageId, { now });
}

/**
 * The text is voted on (or a chapter's amendments closed) once every amendment is decided: one
 * left open, awaiting its amender's answer or its own vote would be silently dropped.
 */
function assertNoPendingAmendments(pageId: string): void {
  const pending = db()
    .select({ n: sql<number>`count(*)` })
    .from(amendments)
    .where(and(eq(amendments.pageId, pageId), inArray(amendments.status, ['open', 'modified', 'voting'])))
    .get()!.n;
  if (pending > 0) {
    throw new AppError('conflict', `${pending} amendment(s) still await a decision.`, undefined, { key: 'stage_amendments_pending', values: { count: String(pending) } });
  }
}

export type MotionTimelineEntry = { from: DeliberationStage | null; to: DeliberationStage; at: Date; /** Party members only; null: the clock, or hidden. */ byName: string | null; note: string | null };

/**
 * What the page and the API show of a deciding text: its stage and since when, deadlines,
 * settings, timeline (names to party members only), signature counts (public as the motion is),
 * the viewer's own signature, the motion's poll and outcome, and what the viewer may do now.
 * `stage` is null for a page nobody deliberates on (a document never opened for amendments).
 */
/** `opts.loaded`: the page as the caller already read it in this request (else it is read here). */
export function motionSummary(viewer: Viewer, pageId: string, opts: { locale?: Locale; now?: Date; loaded?: LoadedPage } = {}) {
  const loaded = opts.loaded?.ref.id === pageId ? opts.loaded : loadPage(pageId);
  authorizePage(viewer, 'read', loaded.ref);
  const d = getDeliberation(pageId);
  const abilities = deliberationAbilities(viewer, loaded.ref, opts.now);
  if (!d) return { pageId, procedure: null, stage: null, stageSince: null, abilities };
  const members = isPartyMember(viewer);
  const poll = db()
    .select({ id: polls.id, status: polls.status, opensAt: polls.opensAt, closesAt: polls.closesAt, quorumPercent: polls.quorumPercent, majority: polls.majority })
    .from(polls)
    .where(and(eq(polls.pageId, pageId), eq(polls.subject, 'motion')))
    .orderBy(desc(polls.opensAt))
    .limit(1)
    .get() ?? null;
  const timeline: MotionTimelineEntry[] = stageTimeline(pageId).map((e) => ({
    from: e.from,
    to: e.to,
    at: e.at,
    byName: members && e.byUserId ? (e.byName?.trim() || displayNameOf(e.byUserId, opts.locale)) : null,
    note: e.note,
  }));
  return {
    pageId,
    procedure: d.procedure,
    stage: d.stage,
    stageSince: d.stageSince,
    deadlines: { amendmentsCloseAt: d.amendmentsCloseAt, voteClosesAt: poll?.closesAt ?? null },
    settings: { requiredSignatures: d.requiredSignatures, requiredSections: d.requiredSections },
    filedVersionId: d.filedVersionId,
    signatures: signatureCounts(pageId, d),
    mySignature: mySignature(viewer, pageId, loaded.row.contentHash),
    poll,
    outcome: d.outcome ?? null,
    timeline,
    abilities,
  };
}
export type MotionSummary = ReturnType<typeof motionSummary>;
