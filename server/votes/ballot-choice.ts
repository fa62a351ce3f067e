/**
 * What a ballot says, as the voter sends it and as `poll_ballots.choice` stores it: `for`,
 * `against` or `abstain`; for a ranked poll, `abstain` or the options best first with ties as
 * nested arrays (`["b", ["a", "current"]]`). Rankings are stored normalized (ties in the options'
 * order, one-option ties flattened, left-out options left out), so two voters who mean the same
 * ranking store the same text.
 */
import { BALLOT_CHOICES, type BallotChoice } from '@/lib/domain/enums';
import { AppError } from '@/lib/errors';
import type { RankedBallot } from '@/lib/votes/schulze';
/** A choice of a ranked poll: an amendment's wording, or the current one (amendmentId null). */
export type PollOption = { id: string; label: string; amendmentId: string | null };

export type BallotChoiceValue = BallotChoice | RankedBallot;

const invalid = (message: string) => new AppError('invalid_input', `choice: ${message}`, 'choice');

/** Checks the voter's choice against the poll (`options`: a ranked poll's choices, else null). */
export function parseChoice(raw: unknown, options: readonly PollOption[] | null): BallotChoiceValue {
  if (!options) {
    if (typeof raw === 'string' && (BALLOT_CHOICES as readonly string[]).includes(raw)) return raw as BallotChoice;
    throw invalid(`expected one of ${BALLOT_CHOICES.join(', ')}.`);
  }
  if (raw === 'abstain') return 'abstain';
  const order = options.map((o) => o.id);
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('expected "abstain" or the options best first, ties as nested arrays.');
  const seen = new Set<string>();
  const ranked: (string | string[])[] = [];
  for (const entry of raw as unknown[]) {
    const ids = typeof entry === 'string' ? [entry] : entry;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw invalid('each place holds an option id or a non-empty array of tied option ids.');
    for (const id of ids as string[]) {
      if (!order.includes(id)) throw invalid(`unknown option ${JSON.stringify(id).slice(0, 80)}.`);
      if (seen.has(id)) throw invalid(`option ${id} is ranked twice.`);
      seen.add(id);
    }
    const tier = [...(ids as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    ranked.push(tier.length === 1 ? tier[0]! : tier);
  }
  return ranked;
}

export function encodeChoice(choice: BallotChoiceValue): string {
  return typeof choice === 'string' ? choice : JSON.stringify(choice);
}

export function decodeChoice(stored: string): BallotChoiceValue {
  return stored.startsWith('[') ? (JSON.parse(stored) as RankedBallot) : (stored as BallotChoice);
}
