/** The amendment actions of one page, bound to it, for the amendment screens. */
import type { AmendmentActions } from '@/components/amendments/types';
import {
  acceptAmendmentAction,
  amendmentPollAction,
  answerModificationAction,
  castAmendmentBallotAction,
  listAmendmentsAction,
  proposeAmendmentAction,
  proposeModificationAction,
  putAmendmentToVoteAction,
  putPassageToVoteAction,
  rejectAmendmentAction,
  supportAmendmentAction,
  verifyAmendmentReceiptAction,
  withdrawAmendmentAction,
} from './amendment-actions';

export function boundAmendmentActions(pageId: string): AmendmentActions {
  return {
    list: listAmendmentsAction.bind(null, pageId),
    propose: proposeAmendmentAction.bind(null, pageId),
    support: supportAmendmentAction.bind(null, pageId),
    withdraw: withdrawAmendmentAction.bind(null, pageId),
    answer: answerModificationAction.bind(null, pageId),
    accept: acceptAmendmentAction.bind(null, pageId),
    reject: rejectAmendmentAction.bind(null, pageId),
    modify: proposeModificationAction.bind(null, pageId),
    vote: putAmendmentToVoteAction.bind(null, pageId),
    votePassage: putPassageToVoteAction.bind(null, pageId),
    ballot: {
      poll: amendmentPollAction.bind(null, pageId),
      cast: castAmendmentBallotAction.bind(null, pageId),
      verify: verifyAmendmentReceiptAction.bind(null, pageId),
    },
  };
}
