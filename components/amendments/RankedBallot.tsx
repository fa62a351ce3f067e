'use client';
/**
 * A ranked ballot on the rival wordings of a passage and its current text (Schulze): the voter
 * orders them with « Monter » / « Descendre » buttons (no dragging needed; focus follows the
 * wording moved and a live region says where it went), marks ties with « Ex æquo avec celle du
 * dessus », and votes the ranking or abstains, behind a confirmation; the receipt code is shown
 * once. Once closed: the Schulze ranking, the winner, the turnout and a receipt check.
 */
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { Receipt, ReceiptCheck, type VoteActions } from '@/components/motions/VotePanel';
import type { AmendmentPollData, Result } from './types';

/** Each option's name (« Amendement n° 2 », « Texte actuel ») and the words it would put in the text. */
export type OptionNames = Record<string, { name: string; wording: string | null }>;

type Props = {
  poll: AmendmentPollData;
  names: OptionNames;
  cast: (choice: unknown) => Promise<Result<{ receipt: string }>>;
  verify: VoteActions['verify'];
};

export function RankedBallot({ poll, names, cast, verify }: Props) {
  const nameOf = (id: string) => names[id]?.name ?? poll.options?.find((o) => o.id === id)?.label ?? id;
  if (poll.status === 'closed') return <RankedResult poll={poll} nameOf={nameOf} verify={verify} />;
  return <RankingForm poll={poll} names={names} nameOf={nameOf} cast={cast} />;
}

/** Tiers of a ranking, best first: positions tied with the one above share its tier. */
function tiersOf(order: readonly string[], tied: readonly boolean[]): string[][] {
  const tiers: string[][] = [];
  order.forEach((id, i) => {
    if (i > 0 && tied[i]) tiers[tiers.length - 1]!.push(id);
    else tiers.push([id]);
  });
  return tiers;
}

/** « 1. Amendement n° 2 ; 2. Texte actuel = Amendement n° 1 » */
export function rankingText(tiers: readonly (string | readonly string[])[], nameOf: (id: string) => string): string {
  return tiers.map((tier, i) => `${i + 1}. ${(typeof tier === 'string' ? [tier] : tier).map(nameOf).join(' = ')}`).join(' ; ');
}

function RankingForm({ poll, names, nameOf, cast }: { poll: AmendmentPollData; names: OptionNames; nameOf: (id: string) => string; cast: Props['cast'] }) {
  const t = useTranslations('motions.amendments.ballot');
  const tv = useTranslations('motions.vote');
  const tc = useTranslations('motions.amendments');
  const ids = (poll.options ?? []).map((o) => o.id);
  const [order, setOrder] = useState<string[]>(ids);
  // tied[i]: the wording at position i shares the place of the one above it.
  const [tied, setTied] = useState<boolean[]>(() => ids.map(() => false));
  const [announce, setAnnounce] = useState('');
  const [receipt, setReceipt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  if (receipt) return <Receipt code={receipt} />;
  if (poll.hasVoted) return <p className="alert alert-ok">{tv('voted')}</p>;
  if (!poll.mayVote) return <p className="alert alert-info">{tv('notVoter')}</p>;
  if (!poll.canVote) return null;

  const tiers = tiersOf(order, tied);
  const placeOf = (i: number) => tiers.findIndex((tier) => tier.includes(order[i]!)) + 1;

  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    setOrder(next);
    const id = order[from]!;
    const place = tiersOf(next, tied).findIndex((tier) => tier.includes(id)) + 1;
    setAnnounce(t('moved', { name: nameOf(id), n: place }));
    // Focus stays on the wording moved: on the same button, or the other one at the ends.
    const dir = to < from ? 'up' : 'down';
    const atEnd = dir === 'up' ? to === 0 : to === order.length - 1;
    requestAnimationFrame(() => buttons.current.get(`${id}:${atEnd ? (dir === 'up' ? 'down' : 'up') : dir}`)?.focus());
  };

  const submit = async (choice: unknown) => {
    const r = await cast(choice);
    if (r && !r.ok) return setError(r.error.message);
    setError(null);
    if (r?.ok) setReceipt(r.data.receipt);
  };
  const choice = tiers.map((tier) => (tier.length === 1 ? tier[0]! : tier));

  return (
    <div className="stack amend-ranking">
      <p className="small">{t('rankIntro')}</p>
      <fieldset className="amend-ranking-set">
        <legend>{t('rankLegend')}</legend>
        <ol className="amend-ranking-list">
          {order.map((id, i) => {
            const name = nameOf(id);
            const wording = names[id]?.wording;
            return (
              <li key={id} className={`amend-rank${i > 0 && tied[i] ? ' is-tied' : ''}`} data-option={id}>
                <span className="amend-rank-place" aria-hidden>
                  {placeOf(i)}
                </span>
                <div className="amend-rank-body">
                  <p className="amend-rank-name">
                    <strong>{name}</strong> <span className="visually-hidden">— {t('place', { n: placeOf(i) })}</span>
                  </p>
                  {wording && <p className="amend-rank-words small">{wording}</p>}
                  {i > 0 && (
                    <label className="amend-rank-tie small">
                      <input
                        type="checkbox"
                        checked={tied[i]}
                        onChange={(e) => {
                          const next = [...tied];
                          next[i] = e.target.checked;
                          setTied(next);
                          setAnnounce(t('moved', { name, n: tiersOf(order, next).findIndex((tier) => tier.includes(id)) + 1 }));
                        }}
                      />
                      {t('tied')}
                    </label>
                  )}
                </div>
                <div className="amend-rank-moves">
                  <button
                    type="button"
                    className="btn btn-small"
                    ref={(el) => {
                      buttons.current.set(`${id}:up`, el);
                    }}
                    disabled={i === 0}
                    aria-label={t('moveUpLabel', { name })}
                    title={t('moveUp')}
                    onClick={() => move(i, i - 1)}
                  >
                    <ArrowUp size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    ref={(el) => {
                      buttons.current.set(`${id}:down`, el);
                    }}
                    disabled={i === order.length - 1}
                    aria-label={t('moveDownLabel', { name })}
                    title={t('moveDown')}
                    onClick={() => move(i, i + 1)}
                  >
                    <ArrowDown size={16} aria-hidden />
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="row">
        <ConfirmButton
          className="btn btn-primary"
          label={t('submitRanking')}
          title={tv('confirmTitle')}
          body={t('confirmRanking', { ranking: rankingText(choice, nameOf) })}
          confirmLabel={tv('confirm')}
          cancelLabel={tc('cancel')}
          onConfirm={() => submit(choice)}
        />
        <ConfirmButton className="btn" label={t('abstain')} title={tv('confirmTitle')} body={t('confirmAbstain')} confirmLabel={tv('confirm')} cancelLabel={tc('cancel')} onConfirm={() => submit('abstain')} />
      </div>
      <div role="status" aria-live="polite">
        {error && <p className="alert alert-error">{error}</p>}
      </div>
    </div>
  );
}

function RankedResult({ poll, nameOf, verify }: { poll: AmendmentPollData; nameOf: (id: string) => string; verify: VoteActions['verify'] }) {
  const t = useTranslations('motions.amendments.ballot');
  const tv = useTranslations('motions.vote');
  const r = poll.ranked;
  if (!r) return null;
  const current = poll.options?.find((o) => o.amendmentId === null)?.id;
  return (
    <div className="stack">
      <p className={`motion-outcome outcome-${r.outcome}`} data-testid="vote-outcome">
        <strong>{r.winner === null ? t('noWinner') : r.winner === current ? t('winnerCurrent') : t('winner', { name: nameOf(r.winner) })}</strong>
      </p>
      <p className="amend-ranking-heading">
        <strong>{t('rankingHeading')}</strong>
      </p>
      <ol className="amend-ranking-result">
        {r.ranking.map((tier, i) => (
          <li key={tier.join(',')} value={i + 1}>
            {tier.map((id, j) => (
              <span key={id}>
                {j > 0 && ' = '}
                {id === r.winner ? <strong>{nameOf(id)}</strong> : nameOf(id)}
              </span>
            ))}
          </li>
        ))}
      </ol>
      {r.tieBroken && <p className="small">{t('tieBroken')}</p>}
      <p className="small">
        {t('rankedTurnout', { voted: r.voted, voters: r.voters, abstain: r.abstain })}{' '}
        {poll.quorumPercent > 0 ? (r.quorumReached ? tv('quorumReached', { quorum: poll.quorumPercent }) : tv('quorumMissed', { quorum: poll.quorumPercent })) : tv('noQuorum')}
      </p>
      <ReceiptCheck verify={verify} describe={(choice) => (Array.isArray(choice) ? rankingText(choice as (string | string[])[], nameOf) : null)} />
    </div>
  );
}
