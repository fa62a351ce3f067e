'use client';
/**
 * « Mettre au vote »: one amendment (for / against / abstention), or the rival wordings of a
 * passage (ranked, with the text as it stands among the choices). The closing time (in the
 * future), an optional quorum and the majority, as for a motion's vote.
 */
import { useTranslations } from 'next-intl';
import { ActionDialog, Field, type DialogError } from './ActionDialog';
import type { VoteInput } from './types';

type Props = { label: string; ariaLabel?: string; title: string; intro?: string; onVote: (input: VoteInput) => Promise<DialogError> };

/** A datetime-local value `ms` from now, in the reader's time zone. */
function localValue(ms: number): string {
  const d = new Date(Date.now() + ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function VoteDialog({ label, ariaLabel, title, intro, onVote }: Props) {
  const t = useTranslations('motions.amendments');
  const ts = useTranslations('motions.stage');
  return (
    <ActionDialog
      className="btn btn-small"
      label={label}
      ariaLabel={ariaLabel}
      title={title}
      intro={intro ? <p className="muted">{intro}</p> : undefined}
      submitLabel={t('voteConfirm')}
      cancelLabel={t('cancel')}
      pendingLabel={t('saving')}
      onSubmit={async (form) => {
        const raw = String(form.get('closesAt') ?? '');
        const closesAt = new Date(raw);
        if (!raw || Number.isNaN(closesAt.getTime())) return { message: ts('required'), field: 'closesAt' };
        if (closesAt.getTime() <= Date.now()) return { message: ts('mustBeFuture'), field: 'closesAt' };
        const majority = form.get('majority') === 'two_thirds' ? 'two_thirds' : 'simple';
        return onVote({ closesAt, quorum: Number(form.get('quorum') ?? 0) || 0, majority });
      }}
    >
      {(err) => (
        <>
          <Field label={ts('closesAt')} hint={ts('closesAtHint')} error={err?.field === 'closesAt' ? err.message : undefined}>
            {({ id, describedBy, invalid }) => <input id={id} name="closesAt" type="datetime-local" step={1} required defaultValue={localValue(7 * 86_400_000)} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
          <Field label={ts('quorum')} hint={ts('quorumHint')} error={err?.field === 'quorum' ? err.message : undefined}>
            {({ id, describedBy, invalid }) => <input id={id} name="quorum" type="number" min={0} max={100} defaultValue={0} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
          <Field label={ts('majority')} error={err?.field === 'majority' ? err.message : undefined}>
            {({ id, describedBy }) => (
              <select id={id} name="majority" defaultValue="simple" aria-describedby={describedBy}>
                <option value="simple">{ts('majoritySimple')}</option>
                <option value="two_thirds">{ts('majorityTwoThirds')}</option>
              </select>
            )}
          </Field>
        </>
      )}
    </ActionDialog>
  );
}
