'use client';
/**
 * The vote on a motion. While it is open: the ballot (Pour / Contre / Abstention) behind a
 * confirmation, then the receipt code shown once, then « Vous avez voté »; how many have voted,
 * never how. Once closed: the counts with bars, the turnout, the quorum, the outcome and why, and
 * a field to check a receipt. Always: what the secrecy is and is not, in plain words. The
 * amendments' ballots (components/amendments/BallotBox, RankedBallot) reuse its parts.
 */
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Copy, ShieldCheck } from 'lucide-react';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import type { BallotChoice, PollData } from './types';

export type VoteActions = {
  cast: (choice: BallotChoice) => Promise<FormResult>;
  verify: (prev: unknown, form: FormData) => Promise<FormResult>;
};

const CHOICES: BallotChoice[] = ['for', 'against', 'abstain'];

export function VotePanel({ poll, actions }: { poll: PollData; actions: VoteActions }) {
  const t = useTranslations('motions.vote');
  const format = useFormatter();
  const open = poll.status === 'open';
  return (
    <section className="motion-vote" aria-labelledby="motion-vote-title">
      <h2 id="motion-vote-title">{open ? t('heading') : t('headingClosed')}</h2>
      <p className="small muted">{t('rules', { majority: poll.majority, quorum: poll.quorumPercent })}</p>
      {open ? (
        <>
          <p>{t('open', { date: format.dateTime(new Date(poll.closesAt), { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <p data-testid="vote-turnout">{t('turnoutOpen', { voted: poll.voted, voters: poll.voters })}</p>
          <Ballot poll={poll} cast={actions.cast} />
        </>
      ) : poll.result ? (
        <Result poll={poll} verify={actions.verify} />
      ) : (
        <p className="alert alert-info" role="status">
          {t('counting')}
        </p>
      )}
      <SecrecyNote />
    </section>
  );
}

/** What the secrecy of the vote is and is not, in plain words. */
export function SecrecyNote() {
  const t = useTranslations('motions.vote');
  return (
    <details className="motion-secrecy">
      <summary>
        <ShieldCheck size={16} aria-hidden /> {t('secrecyHeading')}
      </summary>
      <ul>
        <li>{t('secrecy1')}</li>
        <li>{t('secrecy2')}</li>
        <li>{t('secrecy3')}</li>
        <li>{t('secrecy4')}</li>
      </ul>
      <p>{t('secrecyNot')}</p>
    </details>
  );
}

/** Pour / Contre / Abstention behind a confirmation, then the receipt once, then « Vous avez voté ». */
export function Ballot({ poll, cast }: { poll: PollData; cast: VoteActions['cast'] }) {
  const t = useTranslations('motions.vote');
  const tc = useTranslations('motions.stage');
  const [choice, setChoice] = useState<BallotChoice | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (confirming && dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
  }, [confirming]);

  if (receipt) return <Receipt code={receipt} />;
  if (poll.hasVoted) return <p className="alert alert-ok">{t('voted')}</p>;
  if (!poll.mayVote) return <p className="alert alert-info">{t('notVoter')}</p>;

  return (
    <form
      className="stack motion-ballot"
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return setError(t('chooseFirst'));
        setError(null);
        setConfirming(true);
      }}
    >
      <fieldset className="motion-choices">
        <legend>{t('ballotLegend')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className={`motion-choice choice-${c}`}>
            <input type="radio" name="choice" value={c} checked={choice === c} onChange={() => setChoice(c)} />
            {t(c)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="btn btn-primary">
          {t('submit')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error && <p className="alert alert-error">{error}</p>}
      </div>
      {confirming && choice && (
        <dialog ref={dialogRef} aria-labelledby={titleId} onClose={() => setConfirming(false)}>
          <h2 id={titleId}>{t('confirmTitle')}</h2>
          <p className="muted">{t('confirmBody', { choice: t(choice) })}</p>
          <div className="row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
            <button type="button" className="btn" onClick={() => dialogRef.current?.close()} autoFocus>
              {tc('cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await cast(choice);
                  dialogRef.current?.close();
                  if (r && !r.ok) return setError(r.error.message);
                  const data = r?.data as { receipt?: string } | undefined;
                  if (data?.receipt) setReceipt(data.receipt);
                })
              }
            >
              {t('confirm')}
            </button>
          </div>
        </dialog>
      )}
    </form>
  );
}

/** The receipt, shown once: the server keeps only its hash. */
export function Receipt({ code }: { code: string }) {
  const t = useTranslations('motions.vote');
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="alert alert-ok motion-receipt">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('receiptHeading')}
      </h3>
      <p>{t('receiptIntro')}</p>
      <p className="row">
        <code className="motion-receipt-code" data-testid="receipt-code">
          {code}
        </code>
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            await navigator.clipboard?.writeText(code).catch(() => undefined);
            setCopied(true);
          }}
        >
          <Copy size={14} aria-hidden /> {t('copy')}
        </button>
        <span role="status" className="small">
          {copied ? t('copied') : ''}
        </span>
      </p>
      <p className="small">{t('receiptUse')}</p>
    </div>
  );
}

/** The counts once closed; `outcome` words the outcome for what was voted on (a motion by default). */
export function Result({ poll, verify, outcome }: { poll: PollData; verify: VoteActions['verify']; outcome?: ReactNode }) {
  const t = useTranslations('motions.vote');
  const r = poll.result!;
  const cast = r.for + r.against + r.abstain;
  const turnout = r.voters > 0 ? Math.round((r.voted / r.voters) * 100) : 0;
  return (
    <div className="stack">
      <p className={`motion-outcome outcome-${r.outcome}`} data-testid="vote-outcome">
        {outcome ?? (
          <>
            <strong>{t(`outcome.${r.outcome}`)}</strong> — {t(`why.${r.reason}`)}
          </>
        )}
      </p>
      <table className="motion-results">
        <caption className="visually-hidden">{t('results')}</caption>
        <tbody>
          {CHOICES.map((c) => (
            <tr key={c}>
              <th scope="row">{t(c)}</th>
              <td className="motion-bar-cell">
                <span className={`motion-bar choice-${c}`} style={{ width: `${cast > 0 ? (r[c] / cast) * 100 : 0}%` }} aria-hidden />
              </td>
              <td className="motion-count">{t('count', { count: r[c] })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        {t('turnout', { voted: r.voted, voters: r.voters, percent: turnout })}{' '}
        {poll.quorumPercent > 0 ? (r.quorumReached ? t('quorumReached', { quorum: poll.quorumPercent }) : t('quorumMissed', { quorum: poll.quorumPercent })) : t('noQuorum')}
      </p>
      <ReceiptCheck verify={verify} />
    </div>
  );
}

/** A receipt code checked: counted, and once closed what it says (`describe` words a choice other than for/against/abstain). */
export function ReceiptCheck({ verify, describe }: { verify: VoteActions['verify']; describe?: (choice: unknown) => string | null }) {
  const t = useTranslations('motions.vote');
  const inputId = useId(); // several votes may show on one page
  // null: nothing checked yet; else whether it is counted, and (once closed) what it says.
  const [found, setFound] = useState<{ counted: boolean; choice: string | null } | null>(null);
  return (
    <details className="motion-check">
      <summary>{t('checkHeading')}</summary>
      <ActionForm
        className="row motion-check-form"
        action={async (p, form) => {
          const r = await verify(p, form);
          const data = r?.ok ? (r.data as { counted: boolean; choice: unknown }) : null;
          const said = data && typeof data.choice === 'string' && (CHOICES as string[]).includes(data.choice) ? t(data.choice as BallotChoice) : data && data.choice !== null ? (describe?.(data.choice) ?? null) : null;
          setFound(data ? { counted: data.counted, choice: said } : null);
          return r;
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('checkLabel')}</label>
          <input id={inputId} name="receipt" required autoComplete="off" spellCheck={false} onInput={() => setFound(null)} />
        </div>
        <SubmitButton className="btn">{t('check')}</SubmitButton>
        <p role="status" className="motion-check-answer">
          {found === null ? '' : found.counted ? t('checkFound', { choice: found.choice ?? 'none' }) : t('checkMissing')}
        </p>
      </ActionForm>
    </details>
  );
}
