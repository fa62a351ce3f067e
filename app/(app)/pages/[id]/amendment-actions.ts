'use server';
/**
 * Amendments of a page (server/amendments/amendment-service.ts), for its screens. Each action
 * answers the page's amendments as they now stand, so the margin shows the result of the act
 * and what others did meanwhile in one round trip. The ballots' actions (at the end) answer the
 * vote itself, through the same policy (pollView's reading, castBallot's voters' list).
 */
import { getLocale } from 'next-intl/server';
import { requireViewer } from '@/server/auth/current';
import { runAction, str, type ActionResult } from '@/server/http/action';
import {
  AmendmentConflict,
  acceptAmendment,
  answerModification,
  closeMergeSession,
  listAmendments,
  proposeAmendment,
  proposeModification,
  putAmendmentToVote,
  putPassageToVote,
  rejectAmendment,
  supportAmendment,
  unsupportAmendment,
  withdrawAmendment,
  type AmendmentView,
  type PassageNow,
  type ProposeAmendmentInput,
  type PutToVoteInput,
} from '@/server/amendments/amendment-service';
import type { Viewer } from '@/server/policy';
import { castBallot, latestPollOn, pollToVoteOn, verifyReceipt } from '@/server/votes/polls';
import type { AmendmentPollData, PollTarget } from '@/components/amendments/types';
import { toAmendmentPollData } from './poll-data';

const pagePath = (id: string) => `/pages/${id}`;
const locale = async () => ((await getLocale()) === 'en' ? 'en' : 'fr');

async function listFor(viewer: Viewer, pageId: string): Promise<AmendmentView[]> {
  return listAmendments(viewer, pageId, { locale: await locale() });
}

/** The page's amendments, for the margin's refresh. */
export async function listAmendmentsAction(pageId: string): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => listFor(viewer, pageId));
}

export type ProposedResult = { amendment: AmendmentView; list: AmendmentView[] };

export async function proposeAmendmentAction(pageId: string, input: ProposeAmendmentInput): Promise<ActionResult<ProposedResult>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    const amendment = proposeAmendment(viewer, pageId, input);
    return { amendment, list: await listFor(viewer, pageId) };
  });
}

export async function supportAmendmentAction(pageId: string, id: string, on: boolean): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    if (on) supportAmendment(viewer, id);
    else unsupportAmendment(viewer, id);
    return listFor(viewer, pageId);
  });
}

export async function withdrawAmendmentAction(pageId: string, id: string): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    withdrawAmendment(viewer, id);
    return listFor(viewer, pageId);
  });
}

export async function answerModificationAction(pageId: string, id: string, accept: boolean): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    answerModification(viewer, id, accept);
    return listFor(viewer, pageId);
  });
}

/** Accepted, or the passage changed: then `conflict` says how it reads now (nothing applied). */
export type AcceptResult = { list: AmendmentView[]; conflict: PassageNow | null };

export async function acceptAmendmentAction(pageId: string, id: string, replacement?: string): Promise<ActionResult<AcceptResult>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    let conflict: PassageNow | null = null;
    try {
      acceptAmendment(viewer, id, replacement === undefined ? {} : { replacement });
    } catch (e) {
      if (!(e instanceof AmendmentConflict)) throw e;
      conflict = e.passage;
    }
    return { list: await listFor(viewer, pageId), conflict };
  });
}

export async function rejectAmendmentAction(pageId: string, id: string, reason: string): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    rejectAmendment(viewer, id, { reason });
    return listFor(viewer, pageId);
  });
}

export async function proposeModificationAction(pageId: string, id: string, replacement: string): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    proposeModification(viewer, id, { replacement });
    return listFor(viewer, pageId);
  });
}

export async function closeMergeSessionAction(pageId: string, versionName: string): Promise<ActionResult<{ name: string }>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => {
    closeMergeSession(viewer, pageId, { versionName });
    return { name: versionName.trim() };
  });
}

/** One amendment to the members' vote (`closesAt`, `quorum` percent, `majority`). */
export async function putAmendmentToVoteAction(pageId: string, id: string, input: PutToVoteInput): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    putAmendmentToVote(viewer, id, input);
    return listFor(viewer, pageId);
  });
}

/** The rival wordings of a passage (its group) to one ranked vote, the current wording among the choices. */
export async function putPassageToVoteAction(pageId: string, groupId: string, input: PutToVoteInput): Promise<ActionResult<AmendmentView[]>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(async () => {
    putPassageToVote(viewer, groupId, input);
    return listFor(viewer, pageId);
  });
}

// ---------------------------------------------------------------------------------------------
// Ballots in the members' votes on amendments and passages (components/amendments/BallotBox)

/** The latest vote on an amendment (or its passage) or on a passage, as this viewer sees it; null when none was held. */
export async function amendmentPollAction(pageId: string, target: PollTarget): Promise<ActionResult<AmendmentPollData | null>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => {
    const poll = latestPollOn(viewer, pageId, target);
    return poll ? toAmendmentPollData(poll) : null;
  });
}

/** The viewer's ballot (for/against/abstain, or a ranking with ties); answers the receipt code, shown once. */
export async function castAmendmentBallotAction(pageId: string, pollId: string, choice: unknown): Promise<ActionResult<{ receipt: string }>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => castBallot(viewer, pollToVoteOn(viewer, pageId, pollId), choice));
}

/** Form field `receipt`: is this ballot counted (and, once closed, what it says)? For readers of the page. */
export async function verifyAmendmentReceiptAction(pageId: string, pollId: string, _prev: unknown, form: FormData): Promise<ActionResult<{ counted: boolean; choice: unknown }>> {
  const viewer = await requireViewer(pagePath(pageId));
  return runAction(() => verifyReceipt(pollToVoteOn(viewer, pageId, pollId), str(form, 'receipt')));
}
