/**
 * What the motion screens show, as plain data: the page builds it from the domain's answers
 * (motionSummary, pollView) and hands it to the components, which work nothing out themselves.
 */
import type { BallotChoice, DeliberationProcedure, DeliberationStage, Majority } from '@/lib/domain/enums';

export type MotionAbilities = {
  file: boolean;
  withdraw: boolean;
  openAmendments: boolean;
  closeAmendments: boolean;
  openVote: boolean;
  sign: boolean;
  viewSignatories: boolean;
  vote: boolean;
};

export type TimelineItem = { from: DeliberationStage | null; to: DeliberationStage; at: Date; /** Null: the clock did it, or the reader may not see names. */ byName: string | null; note: string | null };

export type SignaturesData = {
  count: number;
  sections: number;
  requiredSignatures: number;
  requiredSections: number;
  /** The viewer has signed. */
  signed: boolean;
  /** Party members may list the signatories (grouped by section, loaded when the list is opened: a motion may have thousands). */
  listsSignatories: boolean;
  /** The text changed since the viewer signed: what changed (HTML with <ins>/<del>), and when they signed. */
  change: { signedAt: Date; diffHtml: string } | null;
};

export type PollResult = {
  for: number;
  against: number;
  abstain: number;
  voters: number;
  voted: number;
  quorumReached: boolean;
  outcome: 'adopted' | 'rejected';
  /** Why it was rejected (or adopted). */
  reason: 'tie' | 'quorum' | 'majority' | 'adopted';
};

export type PollData = {
  id: string;
  /** `counting`: past its closing time, the closing job has not run yet. */
  status: 'upcoming' | 'open' | 'counting' | 'closed';
  closesAt: Date;
  quorumPercent: number;
  majority: Majority;
  voters: number;
  voted: number;
  /** The viewer is on the voters' list. */
  mayVote: boolean;
  hasVoted: boolean;
  result: PollResult | null;
};

export type MotionPanelData = {
  pageId: string;
  title: string;
  spaceName: string;
  /** Who reads the page once it is published (filing publishes it). */
  visibility: 'public' | 'members' | 'space';
  procedure: DeliberationProcedure;
  /** Null: a document nobody has opened for amendments yet (its animators may). */
  stage: DeliberationStage | null;
  amendmentsCloseAt: Date | null;
  timeline: TimelineItem[];
  /** The timeline names who made each step (party members): a step without a name was the clock's. */
  namesShown: boolean;
  abilities: MotionAbilities;
  signatures: SignaturesData | null;
  poll: PollData | null;
};

export type { BallotChoice };
