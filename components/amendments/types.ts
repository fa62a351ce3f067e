/**
 * What the amendment screens work with, as plain data: an amendment as the domain shows it to
 * this reader (server/amendments' AmendmentView, which the actions return as is), and the page's
 * server actions, bound to the page. Components never reach the server's modules.
 */
import type { AmendmentOp, AmendmentStatus, Majority } from '@/lib/domain/enums';
import type { PollData } from '@/components/motions/types';

/** Where an amendment's passage is in the live text now (plain-text offsets), or its old words when gone. */
export type PassageNow =
  | { status: 'current'; text: string; from: number; to: number }
  | { status: 'changed'; text: string; quote: string; from: number; to: number }
  | { status: 'gone'; quote: string };

export type AmendmentView = {
  id: string;
  number: number;
  op: AmendmentOp;
  quote: string;
  replacement: string;
  modifiedReplacement: string | null;
  justification: string;
  status: AmendmentStatus;
  groupId: string;
  lineFrom: number | null;
  lineTo: number | null;
  /** Named to party members only. */
  author: { id: string; name: string } | null;
  section: { id: string; name: string } | null;
  decisionNote: string | null;
  createdAt: Date;
  passage: PassageNow | null;
  supports: { total: number; bySection: { sectionId: string | null; name: string | null; count: number }[]; mine: boolean };
  /** Put to the members' vote, alone or with its passage's rivals. */
  putToVote: boolean;
  abilities: { support: boolean; unsupport: boolean; withdraw: boolean; decide: boolean; answerModification: boolean };
};

/** A server action's answer (server/http/action's ActionResult). */
export type Result<T> = { ok: true; data: T; at: number } | { ok: false; error: { code: string; message: string; field?: string }; at: number } | null;

export type ProposeInput = { quote: string; occurrence: number; op: AmendmentOp; replacement: string; justification: string };
export type AcceptResult = { list: AmendmentView[]; conflict: PassageNow | null };

export type AmendmentActions = {
  list: () => Promise<Result<AmendmentView[]>>;
  propose: (input: ProposeInput) => Promise<Result<{ amendment: AmendmentView; list: AmendmentView[] }>>;
  support: (id: string, on: boolean) => Promise<Result<AmendmentView[]>>;
  withdraw: (id: string) => Promise<Result<AmendmentView[]>>;
  answer: (id: string, accept: boolean) => Promise<Result<AmendmentView[]>>;
  accept: (id: string, replacement?: string) => Promise<Result<AcceptResult>>;
  reject: (id: string, reason: string) => Promise<Result<AmendmentView[]>>;
  modify: (id: string, replacement: string) => Promise<Result<AmendmentView[]>>;
  /** One amendment to the members' vote. */
  vote: (id: string, input: VoteInput) => Promise<Result<AmendmentView[]>>;
  /** The rival wordings of a passage (by its group's id) to one ranked vote. */
  votePassage: (groupId: string, input: VoteInput) => Promise<Result<AmendmentView[]>>;
  /** The members' vote on an amendment or a passage, and the viewer's ballot in it (BallotBox, RankedBallot). */
  ballot: BallotActions;
};

/** Which vote a ballot box shows: an amendment's own (and, with `groupId`, its passage's ranked one), or a passage's. */
export type PollTarget = { amendmentId: string; groupId?: string } | { groupId: string };

/** A ranked vote's count once closed: the Schulze ranking (ties share a place) and the winning option. */
export type RankedPollResult = {
  ranking: string[][];
  winner: string | null;
  /** The top place was shared: the current wording, then the listed order, broke the tie. */
  tieBroken: boolean;
  abstain: number;
  voters: number;
  voted: number;
  quorumReached: boolean;
  outcome: 'adopted' | 'rejected';
  reason: 'quorum' | 'current_wording' | 'adopted';
};

/** A vote on amendments as the viewer sees it: the motion vote's data, with a ranked vote's options and count. */
export type AmendmentPollData = PollData & {
  subject: 'amendment' | 'passage';
  opensAt: Date;
  /** A ranked vote's choices (an amendment, or `amendmentId` null: the current wording); null for for/against. */
  options: { id: string; label: string; amendmentId: string | null }[] | null;
  /** The viewer may cast a ballot now. */
  canVote: boolean;
  ranked: RankedPollResult | null;
};

export type BallotActions = {
  /** The latest vote on the target, or null when there has been none. */
  poll: (target: PollTarget) => Promise<Result<AmendmentPollData | null>>;
  /** `for` / `against` / `abstain`, or a ranking best first with ties as nested arrays; answers the receipt code, shown once. */
  cast: (pollId: string, choice: unknown) => Promise<Result<{ receipt: string }>>;
  /** Form field `receipt`. */
  verify: (pollId: string, prev: unknown, form: FormData) => Promise<Result<{ counted: boolean; choice: unknown }>>;
};

export type VoteInput = { closesAt: Date; quorum: number; majority: Majority };

/** What the viewer may do on this text now (the policy's deliberation abilities). */
export type AmendmentsAbilities = { propose: boolean; decide: boolean };

/** Statuses waiting for a decision (as the domain's PENDING_STATUSES). */
export const PENDING = ['open', 'modified', 'voting'] as const;
export const isPending = (a: Pick<AmendmentView, 'status'>) => (PENDING as readonly string[]).includes(a.status);
