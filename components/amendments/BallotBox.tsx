'use client';
/**
 * The members' vote on an amendment, or on the rival wordings of a passage, where the amendment
 * (or the passage) is shown: « Vote en cours jusqu'au … », the ballot — Pour / Contre /
 * Abstention with the motion's ballot (components/motions/VotePanel), or a ranking
 * (RankedBallot) — with its receipt code shown once, « Vous avez voté », and once closed the
 * counts (for a ranked vote the Schulze ranking and the winner), a receipt check, and what the
 * secrecy is and is not. The vote is read client-side through the page's ballot actions (the
 * amendments' list does not carry it), again when it should have closed, until it is counted.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useState } from 'react';
import { Ballot, Result, SecrecyNote } from '@/components/motions/VotePanel';
import { RankedBallot, type OptionNames } from './RankedBallot';
import type { AmendmentPollData, AmendmentView, BallotActions, PollTarget } from './types';
import '@/components/motions/motions.css';
import './ballot.css';

/** While the closing job has not counted yet, ask again this often. */
const COUNTING_EVERY_MS = 2_000;

/** Whether an amendment has a members' vote to show: under vote now, or put to one before (alone or with its passage's rivals). */
export function hasMembersVote(a: Pick<AmendmentView, 'status' | 'putToVote'>): boolean {
  return a.status === 'voting' || a.putToVote;
}

type Props = {
  target: PollTarget;
  actions: BallotActions;
  /** The amendments the vote may rank (a passage's rivals), to name its options with their wordings. */
  amendments: readonly AmendmentView[];
  /** Changes when the amendment's state changes (the list was refreshed): the vote is read again. */
  watch?: string;
  level?: 3 | 4 | 5;
};

export function BallotBox({ target, actions, amendments, watch, level = 4 }: Props) {
  const t = useTranslations('motions.amendments');
  const tv = useTranslations('motions.vote');
  const format = useFormatter();
  const headingId = useId();
  const [poll, setPoll] = useState<AmendmentPollData | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(target);
  // Bumped to read the vote again (a retry, its closing time, while it is counted).
  const [reads, setReads] = useState(0);
  const load = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    void actions.poll(JSON.parse(key) as PollTarget).then((r) => {
      if (!live) return;
      setFailed(!r?.ok);
      if (r?.ok) setPoll(r.data);
    });
    return () => {
      live = false;
    };
  }, [actions, key, watch, reads]);

  // Read again when it should close (the result), then until the closing job has counted.
  const phase = poll?.status;
  const closesAt = poll ? new Date(poll.closesAt).getTime() : 0;
  useEffect(() => {
    if (phase !== 'open' && phase !== 'counting' && phase !== 'upcoming') return;
    const wait = phase === 'counting' ? COUNTING_EVERY_MS : Math.max(0, closesAt - Date.now()) + 500;
    // setTimeout holds at most ~24.8 days; a later closing is read again on the next visit.
    if (wait > 2 ** 31 - 1) return;
    const timer = setTimeout(load, wait);
    return () => clearTimeout(timer);
  }, [phase, closesAt, load]);

  if (failed && poll === undefined) {
    return (
      <p className="alert alert-warn small" role="status">
        {t('ballot.loadError')}{' '}
        <button type="button" className="btn btn-small" onClick={load}>
          {t('ballot.retry')}
        </button>
      </p>
    );
  }
  if (!poll) return null;

  const H = `h${level}` as const;
  const date = (d: Date) => format.dateTime(new Date(d), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const verify = actions.verify.bind(null, poll.id);
  const ranked = poll.options !== null;
  const names = ranked ? optionNames(poll, amendments, t) : {};
  return (
    <section className="amend-ballot motion-vote" aria-labelledby={headingId} data-testid="amendment-ballot" data-phase={poll.status}>
      <H id={headingId} className="amend-ballot-title">
        {poll.status === 'closed' ? tv('headingClosed') : ranked ? t('ballot.headingPassage') : t('ballot.heading')}
      </H>
      <p className="small muted">{ranked ? t('ballot.rankedRules', { quorum: poll.quorumPercent }) : tv('rules', { majority: poll.majority, quorum: poll.quorumPercent })}</p>
      {poll.status === 'upcoming' && <p>{t('ballot.upcoming', { date: date(poll.opensAt) })}</p>}
      {poll.status === 'open' && (
        <>
          <p className="amend-ballot-until">{t('ballot.open', { date: date(poll.closesAt) })}</p>
          <p className="small">{tv('turnoutOpen', { voted: poll.voted, voters: poll.voters })}</p>
          {ranked ? <RankedBallot poll={poll} names={names} cast={(choice) => actions.cast(poll.id, choice)} verify={verify} /> : <Ballot poll={poll} cast={(choice) => actions.cast(poll.id, choice)} />}
        </>
      )}
      {poll.status === 'counting' && (
        <p className="alert alert-info" role="status">
          {tv('counting')}
        </p>
      )}
      {poll.status === 'closed' && (
        <>
          <p className="small muted">{t('ballot.closed', { date: date(poll.closesAt) })}</p>
          {ranked ? (
            <RankedBallot poll={poll} names={names} cast={(choice) => actions.cast(poll.id, choice)} verify={verify} />
          ) : (
            poll.result && (
              <Result
                poll={poll}
                verify={verify}
                outcome={
                  <>
                    <strong>{t(`ballot.outcome.${poll.result.outcome}`)}</strong> — {t(`ballot.why.${poll.result.reason}`)}
                  </>
                }
              />
            )
          )}
        </>
      )}
      <SecrecyNote />
    </section>
  );
}

type Translate = ReturnType<typeof useTranslations<'motions.amendments'>>;

/** Each option of a ranked vote by its amendment's number and wording, or as the current text. */
function optionNames(poll: AmendmentPollData, amendments: readonly AmendmentView[], t: Translate): OptionNames {
  const current = amendments.map((a) => a.passage).find((p) => p && p.status !== 'gone');
  return Object.fromEntries(
    (poll.options ?? []).map((o) => {
      if (o.amendmentId === null) return [o.id, { name: t('currentWording'), wording: current && current.status !== 'gone' ? current.text : null }];
      const a = amendments.find((x) => x.id === o.amendmentId);
      if (!a) return [o.id, { name: o.label, wording: null }];
      return [o.id, { name: t('title', { number: a.number }), wording: a.op === 'delete' ? t('opSentence.delete') : a.replacement }];
    }),
  );
}
