'use client';
/**
 * One amendment in the margin, the list or the merge session: « Amendement n° 3 · L12–14 ·
 * Strasbourg-Centre », its status, who proposed it (to party members), the change (struck old
 * words, underlined new ones), the reasons, its supports by section, « passage modifié » when its
 * words changed, and what the viewer may do with it (the domain's abilities decide).
 */
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { Result } from './types';
import { ActionDialog, Field, type DialogError } from './ActionDialog';
import { VoteDialog } from './VoteDialog';
import { BallotBox, hasMembersVote } from './BallotBox';
import type { AmendmentActions, AmendmentView, PassageNow } from './types';

type Props = {
  amendment: AmendmentView;
  actions: AmendmentActions;
  /** The page's list as it stands after an act. */
  onList: (list: AmendmentView[]) => void;
  focused?: boolean;
  hovered?: boolean;
  onPoint?: (id: string | null, scroll: boolean) => void;
  /** Heading level of the card's title in its screen. */
  level?: 2 | 3 | 4;
  /** Shown among its passage's rivals, whose box holds the passage's ranked vote: the card shows only the amendment's own. */
  amongRivals?: boolean;
};

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function linesLabel(t: Translate, a: Pick<AmendmentView, 'lineFrom' | 'lineTo'>): string | null {
  if (a.lineFrom === null) return null;
  return a.lineTo === null || a.lineTo === a.lineFrom ? t('line', { from: a.lineFrom }) : t('linesRange', { from: a.lineFrom, to: a.lineTo });
}

/** « Amendement n° 3 · L12–14 · Strasbourg-Centre » */
export function amendmentCitation(t: Translate, a: AmendmentView): string {
  return [t('title', { number: a.number }), linesLabel(t, a), a.section?.name].filter(Boolean).join(' · ');
}

/** The change as words: old struck, new underlined. */
export function ChangeView({ a, wording }: { a: AmendmentView; wording?: string }) {
  const t = useTranslations('motions.amendments');
  const words = wording ?? a.replacement;
  return (
    <div className="amend-change">
      <p className="amend-op">{t(`opSentence.${a.op}`)}</p>
      <p className="amend-words">
        {a.op === 'insert_after' ? <span className="amend-quote">{a.quote}</span> : <del>{a.quote}</del>}
        {a.op !== 'delete' && (
          <>
            {' '}
            <ins>{words}</ins>
          </>
        )}
      </p>
    </div>
  );
}

export function PassageNotice({ passage }: { passage: PassageNow | null }) {
  const t = useTranslations('motions.amendments');
  if (!passage || passage.status === 'current') return null;
  return (
    <div className="alert alert-warn amend-passage-notice">
      <strong>{t('passageChanged')}</strong>
      {passage.status === 'changed' ? (
        <>
          <p>{t('passageChangedBody', { quote: passage.quote })}</p>
          <p>{t('passageNow', { text: passage.text })}</p>
        </>
      ) : (
        <p>{t('passageGone', { quote: passage.quote })}</p>
      )}
    </div>
  );
}

export function AmendmentCard({ amendment: a, actions, onList, focused, hovered, onPoint, level = 3, amongRivals = false }: Props) {
  const t = useTranslations('motions.amendments');
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const H = `h${level}` as const;
  const headingId = `amendment-${a.id}-title`;
  const lines = linesLabel(t, a);

  /** Runs an act whose answer is the page's list; an error stays on the card. */
  const act = (fn: () => Promise<Result<AmendmentView[]>>) =>
    start(async () => {
      const r = await fn();
      if (r?.ok) {
        setError(null);
        onList(r.data);
      } else if (r) setError(r.error.message);
    });
  /** The same for a dialog, which shows the error itself. */
  const dialogAct = async (fn: () => Promise<Result<AmendmentView[]>>): Promise<DialogError> => {
    const r = await fn();
    if (r?.ok) {
      onList(r.data);
      return null;
    }
    return r ? { message: r.error.message, field: r.error.field } : null;
  };
  const supports = a.supports;
  const ab = a.abilities;

  return (
    <article
      className={`amend-card${focused ? ' is-focused' : ''}${hovered ? ' is-hovered' : ''}`}
      data-status={a.status}
      data-amendment-id={a.id}
      aria-labelledby={headingId}
      tabIndex={-1}
      onMouseEnter={() => onPoint?.(a.id, false)}
      onMouseLeave={() => onPoint?.(null, false)}
    >
      <header className="amend-card-head">
        <H id={headingId} className="amend-card-title">
          <button type="button" className="amend-title-btn" onClick={() => onPoint?.(a.id, true)} aria-describedby={`${headingId}-meta`}>
            {t('title', { number: a.number })}
          </button>
        </H>
        <span id={`${headingId}-meta`} className="muted small">
          {[lines, a.section?.name].filter(Boolean).join(' · ')}
        </span>
        <span className={`badge amend-badge amend-badge-${a.status}`}>{t(`status.${a.status}`)}</span>
      </header>
      {a.author && (
        <p className="muted small amend-by">
          {t('by', { name: a.author.name })} · <time dateTime={new Date(a.createdAt).toISOString()}>{format.dateTime(new Date(a.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </p>
      )}
      <ChangeView a={a} />
      <PassageNotice passage={a.status === 'accepted' ? null : a.passage} />
      {a.status === 'modified' && a.modifiedReplacement !== null && (
        <div className="amend-modified">
          <p className="small">
            <strong>{t('modifiedWording')}</strong>
          </p>
          <p className="amend-words">
            <ins>{a.modifiedReplacement}</ins>
          </p>
        </div>
      )}
      {a.justification && (
        <details className="amend-justification">
          <summary>{t('justification')}</summary>
          <p>{a.justification}</p>
        </details>
      )}
      {a.decisionNote && (
        <p className="small amend-decision">
          <strong>{t('decisionNote')} :</strong> {a.decisionNote}
        </p>
      )}
      {hasMembersVote(a) && <BallotBox target={amongRivals ? { amendmentId: a.id } : { amendmentId: a.id, groupId: a.groupId }} actions={actions.ballot} amendments={[a]} watch={a.status} level={level === 2 ? 3 : level === 3 ? 4 : 5} />}
      <div className="amend-supports small">
        {supports.total > 0 && supports.bySection.length > 0 ? (
          <details>
            <summary>{t('supports', { count: supports.total })}</summary>
            <ul className="amend-support-list" aria-label={t('supportsBySection')}>
              {supports.bySection.map((s) => (
                <li key={s.sectionId ?? 'none'}>
                  {s.name ?? t('noSection')} : {s.count}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <span className="muted">{t('supports', { count: supports.total })}</span>
        )}
      </div>
      {error && (
        <p className="alert alert-error small" role="alert">
          {error}
        </p>
      )}
      {a.abilities.answerModification && a.modifiedReplacement !== null && (
        <div className="amend-answer stack">
          <p className="small">{t('answerHeading')}</p>
          <div className="row">
            <button type="button" className="btn btn-small btn-primary" disabled={pending} onClick={() => act(() => actions.answer(a.id, true))}>
              {t('answerAccept')}
            </button>
            <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => actions.answer(a.id, false))}>
              {t('answerDecline')}
            </button>
          </div>
        </div>
      )}
      {(ab.support || ab.unsupport || ab.withdraw || ab.decide) && (
        <div className="row amend-actions">
          {(ab.support || ab.unsupport) && (
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={ab.unsupport}
              aria-label={ab.unsupport ? t('unsupportLabel', { number: a.number }) : t('supportLabel', { number: a.number })}
              disabled={pending}
              onClick={() => act(() => actions.support(a.id, !ab.unsupport))}
            >
              {ab.unsupport ? t('unsupport') : t('support')}
            </button>
          )}
          {ab.decide && <DeciderActions a={a} actions={actions} onList={onList} dialogAct={dialogAct} />}
          {ab.withdraw && (
            <ConfirmButton
              className="btn btn-small btn-danger"
              label={t('withdraw')}
              ariaLabel={t('withdrawTitle', { number: a.number })}
              title={t('withdrawTitle', { number: a.number })}
              body={t('withdrawBody')}
              confirmLabel={t('withdrawConfirm')}
              cancelLabel={t('cancel')}
              onConfirm={() => act(() => actions.withdraw(a.id))}
            />
          )}
        </div>
      )}
    </article>
  );
}

/** Accept (with the conflict when the passage changed), reject with a reason, propose a new wording. */
function DeciderActions({ a, actions, onList, dialogAct }: { a: AmendmentView; actions: AmendmentActions; onList: (l: AmendmentView[]) => void; dialogAct: (fn: () => Promise<Result<AmendmentView[]>>) => Promise<DialogError> }) {
  const t = useTranslations('motions.amendments');
  // The passage as the server last answered it: a conflict shows the words as they read now.
  const [conflict, setConflict] = useState<PassageNow | null>(a.passage && a.passage.status !== 'current' ? a.passage : null);
  const common = { cancelLabel: t('cancel'), pendingLabel: t('saving') };
  // Accepted as the amender wrote it (the deciders' own wording waits for the amender's answer).
  const wording = a.replacement;
  const proposed = a.status === 'modified' && a.modifiedReplacement !== null ? a.modifiedReplacement : a.replacement;
  return (
    <>
      <ActionDialog
        {...common}
        className="btn btn-small btn-primary"
        label={t('accept')}
        ariaLabel={t('acceptTitle', { number: a.number })}
        title={t('acceptTitle', { number: a.number })}
        submitLabel={t('acceptConfirm')}
        wide
        onSubmit={async (form) => {
          const adjusted = conflict && conflict.status === 'changed' ? String(form.get('replacement') ?? '') : undefined;
          const r = await actions.accept(a.id, adjusted);
          if (!r) return null;
          if (!r.ok) return { message: r.error.message, field: r.error.field };
          onList(r.data.list);
          if (r.data.conflict) {
            setConflict(r.data.conflict);
            return { message: t('conflictHeading') };
          }
          return null;
        }}
      >
        {(err) => (
          <>
            <ChangeView a={a} wording={wording} />
            {conflict?.status === 'changed' ? (
              <>
                <p className="alert alert-warn">
                  <strong>{t('conflictHeading')}.</strong> {t('conflictBody', { quote: conflict.quote, text: conflict.text })}
                </p>
                <Field label={t('adjusted')} error={err?.field === 'replacement' ? err.message : undefined}>
                  {({ id, describedBy, invalid }) => <textarea id={id} name="replacement" rows={3} defaultValue={a.op === 'delete' ? '' : wording} aria-describedby={describedBy} aria-invalid={invalid} />}
                </Field>
              </>
            ) : conflict?.status === 'gone' ? (
              <p className="alert alert-warn">{t('conflictGone', { quote: conflict.quote })}</p>
            ) : (
              <p className="muted">{t('acceptBody')}</p>
            )}
          </>
        )}
      </ActionDialog>
      <ActionDialog
        {...common}
        className="btn btn-small"
        label={t('reject')}
        ariaLabel={t('rejectTitle', { number: a.number })}
        title={t('rejectTitle', { number: a.number })}
        submitLabel={t('rejectConfirm')}
        onSubmit={(form) => dialogAct(() => actions.reject(a.id, String(form.get('reason') ?? '')))}
      >
        {(err) => (
          <Field label={t('reason')} hint={t('reasonHint')} error={err?.field === 'reason' ? err.message : undefined}>
            {({ id, describedBy, invalid }) => <textarea id={id} name="reason" rows={3} required aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
        )}
      </ActionDialog>
      <VoteDialog
        label={t('putToVote')}
        ariaLabel={t('putToVoteTitle', { number: a.number })}
        title={t('putToVoteTitle', { number: a.number })}
        onVote={(input) => dialogAct(() => actions.vote(a.id, input))}
      />
      {a.op !== 'delete' && (
        <ActionDialog
          {...common}
          className="btn btn-small"
          label={t('modify')}
          ariaLabel={t('modifyTitle', { number: a.number })}
          title={t('modifyTitle', { number: a.number })}
          intro={<p className="muted">{t('modifyBody')}</p>}
          submitLabel={t('modifyConfirm')}
          onSubmit={(form) => dialogAct(() => actions.modify(a.id, String(form.get('replacement') ?? '')))}
        >
          {(err) => (
            <Field label={t('newWording')} error={err?.field === 'replacement' ? err.message : undefined}>
              {({ id, describedBy, invalid }) => <textarea id={id} name="replacement" rows={3} required defaultValue={proposed} aria-describedby={describedBy} aria-invalid={invalid} />}
            </Field>
          )}
        </ActionDialog>
      )}
    </>
  );
}
