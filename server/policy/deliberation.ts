/**
 * Who may do what with a deciding text (a motion, or a chapter opened for amendments), and when.
 *
 * Two questions, asked apart so that each refusal says the right thing: `canDeliberate` is about
 * the person (their role: author, secretary, member of the party) and refuses with 403/404 like
 * every page action; `stageAllows` is about the moment (the text's stage, a deadline) and refuses
 * with 409 (`conflict`) and a sentence saying why. `deliberationAbilities` is both, for the UI.
 *
 * Authors of a motion are its first signatory (the page's creator) and the co-authors they name
 * (the page's named stewards), from any section. Deciders are the motion's authors, or for a
 * chapter the animators of its space. Stages open and close by the space's animators (a section's
 * secretaries, a group's admins, the site admins for the national space: `managesSpace`).
 */
import type { DeliberationProcedure, DeliberationStage } from '@/lib/domain/enums';
import { AppError } from '@/lib/errors';
import { isPartyMember, type Viewer } from './viewer';

export type DeliberationRef = { procedure: DeliberationProcedure; stage: DeliberationStage; amendmentsCloseAt: Date | null };

export type DeliberationAction =
  /** Draft → filed (the first signatory). */
  | 'file'
  /** → withdrawn, before the vote (the authors). */
  | 'withdraw'
  /** filed → amendments, or a chapter opened for amendments (the space's animators). */
  | 'openAmendments'
  /** A chapter's amendments closed (its animators). */
  | 'closeAmendments'
  /** filed | amendments → vote (the space's animators). */
  | 'openVote'
  | 'sign'
  | 'viewSignatories'
  | 'proposeAmendment'
  | 'supportAmendment'
  /** Accept, reject, propose a modified wording, put to the vote, the merge session (the deciders). */
  | 'decideAmendments'
  | 'vote';

export const DELIBERATION_ACTIONS: readonly DeliberationAction[] = [
  'file',
  'withdraw',
  'openAmendments',
  'closeAmendments',
  'openVote',
  'sign',
  'viewSignatories',
  'proposeAmendment',
  'supportAmendment',
  'decideAmendments',
  'vote',
];

/** What the policy knows of the person and the page, given by policy/index (kept apart to avoid a circle). */
export type DeliberationFacts = {
  readable: boolean;
  /** Creator of the page: a motion's first signatory. */
  isCreator: boolean;
  /** Named co-author (page_stewards). */
  isCoAuthor: boolean;
  managesSpace: boolean;
  /** Kind of the page (a chapter is a `document` opened for amendments). */
  pageKind: string | undefined;
};

/** The person's side: may they, at some stage, do this? */
export function canDeliberate(v: Viewer, action: DeliberationAction, d: DeliberationRef | null, f: DeliberationFacts): boolean {
  if (!f.readable || !isPartyMember(v)) return false;
  const motion = d?.procedure === 'motion' || (d === null && f.pageKind === 'motion');
  const author = f.isCreator || f.isCoAuthor;
  switch (action) {
    case 'file':
      return motion && f.isCreator;
    case 'withdraw':
      return motion && author;
    case 'openAmendments':
      return f.managesSpace && (motion || f.pageKind === 'document');
    case 'closeAmendments':
      return f.managesSpace && !motion && d !== null;
    case 'openVote':
      return f.managesSpace && motion;
    case 'sign':
      return motion;
    case 'viewSignatories':
    case 'proposeAmendment':
    case 'supportAmendment':
    case 'vote':
      return d !== null || motion;
    case 'decideAmendments':
      return motion ? author : f.managesSpace && d !== null;
  }
}

/** The moment's side: null when the stage allows it, else why not (a French-free code the caller words). */
export function stageRefusal(action: DeliberationAction, d: DeliberationRef | null, now = new Date()): string | null {
  const stage = d?.stage ?? null;
  const amendmentsOpen = stage === 'amendments' && (d!.amendmentsCloseAt === null || now.getTime() < d!.amendmentsCloseAt.getTime());
  switch (action) {
    case 'file':
      return stage === 'draft' ? null : 'not_a_draft';
    case 'withdraw':
      return stage === 'draft' || stage === 'filed' || stage === 'amendments' ? null : 'too_late_to_withdraw';
    case 'openAmendments':
      if (d?.procedure === 'chapter') return stage === 'closed' ? null : 'already_open';
      if (d === null) return null; // a chapter opened for the first time
      return stage === 'filed' ? null : 'not_filed';
    case 'closeAmendments':
      return stage === 'amendments' ? null : 'not_open_for_amendments';
    case 'openVote':
      return stage === 'filed' || stage === 'amendments' ? null : 'not_ready_for_vote';
    case 'sign':
      return stage === 'filed' ? null : 'signatures_closed';
    case 'viewSignatories':
      return stage === 'draft' || stage === null ? 'no_signatures' : null;
    case 'proposeAmendment':
      return amendmentsOpen ? null : stage === 'amendments' ? 'amendments_deadline_passed' : 'not_open_for_amendments';
    case 'supportAmendment':
    case 'decideAmendments':
      return stage === 'amendments' ? null : 'not_open_for_amendments';
    case 'vote':
      return stage === 'vote' || stage === 'amendments' ? null : 'no_vote_open'; // amendment votes run during the amendments stage; the poll's own dates decide
  }
}

/**
 * Withdrawing one's signature: while the motion is filed, and later, before the vote, when the
 * text changed since one signed it (an accepted amendment: sign again or withdraw).
 */
export function signatureWithdrawalRefusal(d: DeliberationRef | null, textChangedSinceSigned: boolean, now = new Date()): string | null {
  if (d?.stage === 'amendments' && textChangedSinceSigned) return null;
  return stageRefusal('sign', d, now);
}

/** The API's sentence for each refusal (the UI words it from `errors.detail.stage_<reason>`). */
export const STAGE_REFUSALS: Record<string, string> = {
  not_a_draft: 'Only a draft can be filed.',
  too_late_to_withdraw: 'A motion can be withdrawn only before its vote.',
  already_open: 'This text is already open for amendments.',
  not_filed: 'Amendments open on a filed motion.',
  not_open_for_amendments: 'This text is not open for amendments.',
  amendments_deadline_passed: 'The deadline for amendments has passed.',
  not_ready_for_vote: 'A vote opens on a filed motion, or after its amendments.',
  signatures_closed: 'Signatures are collected only while the motion is filed.',
  no_signatures: 'A draft has no signatures yet.',
  no_vote_open: 'No vote is open on this text.',
};

/** Refuses with 409 and the reason when the stage does not allow the action. */
export function assertStageAllows(action: DeliberationAction, d: DeliberationRef | null, now = new Date()): void {
  const why = stageRefusal(action, d, now);
  if (why) throw new AppError('conflict', STAGE_REFUSALS[why] ?? why, undefined, { key: `stage_${why}` });
}

export type DeliberationAbilities = Record<DeliberationAction, boolean>;
