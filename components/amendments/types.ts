/**
 * What the amendment screens work with, as plain data: an amendment as the domain shows it to
 * this reader (server/amendments' AmendmentView, which the actions return as is), and the page's
 * server actions, bound to the page. Components never reach the server's modules.
 */
import type { AmendmentOp, AmendmentStatus, Majority } from '@/lib/domain/enums';

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
};

export type VoteInput = { closesAt: Date; quorum: number; majority: Majority };

/** What the viewer may do on this text now (the policy's deliberation abilities). */
export type AmendmentsAbilities = { propose: boolean; decide: boolean };

/** Statuses waiting for a decision (as the domain's PENDING_STATUSES). */
export const PENDING = ['open', 'modified', 'voting'] as const;
export const isPending = (a: Pick<AmendmentView, 'status'>) => (PENDING as readonly string[]).includes(a.status);
