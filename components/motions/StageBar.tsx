'use client';
/**
 * The motion's path as a stepper (Brouillon → Déposée → Amendements → Vote → Adoptée / Rejetée,
 * or Retirée), with the date each step began and the current step's deadline, then the actions
 * this viewer may take now (from the server's abilities). Each action asks first: filing freezes
 * the text, withdrawing is final, opening amendments or the vote needs its dates.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useFormatter, useLocale, useNow, useTimeZone, useTranslations } from 'next-intl';
import { Check, Circle, Printer } from 'lucide-react';
import type { DeliberationStage } from '@/lib/domain/enums';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { MotionPanelData } from './types';

export type StageInput = { stage: DeliberationStage; deadline?: string; closesAt?: string; quorum?: number; majority?: 'simple' | 'two_thirds' };
export type ChangeStage = (input: StageInput) => Promise<FormResult>;

type Props = { data: MotionPanelData; changeStage: ChangeStage; showPrint: boolean };
type Message = { ok: boolean; text: string } | null;

const MOTION_PATH: DeliberationStage[] = ['draft', 'filed', 'amendments', 'vote'];
const FINAL: DeliberationStage[] = ['adopted', 'rejected', 'withdrawn'];

/** When each stage last began, from the timeline. */
function stageDates(data: MotionPanelData): Map<DeliberationStage, Date> {
  const m = new Map<DeliberationStage, Date>();
  for (const e of data.timeline) m.set(e.to, new Date(e.at));
  return m;
}

export function StageBar({ data, changeStage, showPrint }: Props) {
  const t = useTranslations('motions.stage');
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const [message, setMessage] = useState<Message>(null);
  const dates = stageDates(data);
  const locale = useLocale();
  const timeZone = useTimeZone();
  const when = (d: Date) => deadlineDate(d, locale, timeZone);
  const stage = data.stage;

  // The steps shown: a chapter has two; a motion its path, ending on its outcome (or where it was withdrawn).
  let steps: DeliberationStage[];
  if (data.procedure === 'chapter') steps = ['amendments', 'closed'];
  else if (stage === 'withdrawn') steps = [...MOTION_PATH.filter((s) => dates.has(s)), 'withdrawn'];
  else steps = [...MOTION_PATH, stage !== null && FINAL.includes(stage) ? stage : 'adopted'];
  const currentIndex = stage === null ? -1 : steps.indexOf(stage);

  const deadline = (() => {
    if (stage === 'amendments' && data.amendmentsCloseAt) {
      const at = new Date(data.amendmentsCloseAt);
      return at.getTime() > now.getTime() ? t('amendmentsUntil', { date: when(at) }) : t('amendmentsPassed', { date: when(at) });
    }
    if (stage === 'vote' && data.poll && data.poll.status === 'open') return t('voteUntil', { date: when(new Date(data.poll.closesAt)) });
    return null;
  })();

  const run = async (input: StageInput, done: string): Promise<FormResult> => {
    const r = await changeStage(input);
    setMessage(r && !r.ok ? { ok: false, text: r.error.message } : { ok: true, text: done });
    return r;
  };

  const a = data.abilities;
  const actions: ReactNode[] = [];
  if (a.file)
    actions.push(
      <ConfirmButton
        key="file"
        className="btn btn-primary"
        label={t('file')}
        title={t('fileTitle', { title: data.title })}
        body={
          <>
            <p>{t('fileBody', { audience: t(`audience.${data.visibility}`, { space: data.spaceName }) })}</p>
            {data.visibility === 'space' && <p className="alert alert-warn">{t('fileSpaceOnly', { space: data.spaceName })}</p>}
          </>
        }
        confirmLabel={t('file')}
        cancelLabel={t('cancel')}
        onConfirm={async () => void (await run({ stage: 'filed' }, t('fileDone')))}
      />,
    );
  if (a.openAmendments)
    actions.push(
      <DateDialogButton key="amend" label={stage === null ? t('openAmendmentsChapter') : t('openAmendments')} title={t('openAmendmentsTitle')} intro={t('openAmendmentsBody')} primary={stage === 'filed' || (stage !== null && data.procedure === 'chapter')}>
        {(close) => (
          <ActionForm
            action={async (_p, form) => {
              const deadlineAt = futureIso(form.get('deadline'));
              if (!deadlineAt.ok) return localError(deadlineAt.why === 'missing' ? t('required') : t('mustBeFuture'), 'deadline');
              const r = await run({ stage: 'amendments', deadline: deadlineAt.iso }, t('openAmendmentsDone'));
              if (r?.ok) close();
              return r;
            }}
          >
            <div className="field">
              <label htmlFor="motion-deadline">{t('deadline')}</label>
              <input id="motion-deadline" name="deadline" type="datetime-local" required aria-describedby="motion-deadline-hint" />
              <span id="motion-deadline-hint" className="hint">
                {t('deadlineHint')}
              </span>
            </div>
            <DialogButtons cancel={t('cancel')} submit={t('openAmendments')} />
          </ActionForm>
        )}
      </DateDialogButton>,
    );
  if (a.openVote)
    actions.push(
      <DateDialogButton key="vote" label={t('openVote')} title={t('openVoteTitle')} intro={t('openVoteBody', { space: data.spaceName })} primary={stage === 'amendments'}>
        {(close) => (
          <ActionForm
            action={async (_p, form) => {
              const closesAt = futureIso(form.get('closesAt'));
              if (!closesAt.ok) return localError(closesAt.why === 'missing' ? t('required') : t('mustBeFuture'), 'closesAt');
              const quorum = Number(form.get('quorum') ?? 0);
              const majority = form.get('majority') === 'two_thirds' ? 'two_thirds' : 'simple';
              const r = await run({ stage: 'vote', closesAt: closesAt.iso, quorum, majority }, t('openVoteDone'));
              if (r?.ok) close();
              return r;
            }}
          >
            <div className="field">
              <label htmlFor="motion-closes">{t('closesAt')}</label>
              <input id="motion-closes" name="closesAt" type="datetime-local" step={1} required aria-describedby="motion-closes-hint" />
              <span id="motion-closes-hint" className="hint">
                {t('closesAtHint')}
              </span>
            </div>
            <div className="field">
              <label htmlFor="motion-quorum">{t('quorum')}</label>
              <input id="motion-quorum" name="quorum" type="number" min={0} max={100} step={1} defaultValue={0} required aria-describedby="motion-quorum-hint" />
              <span id="motion-quorum-hint" className="hint">
                {t('quorumHint')}
              </span>
            </div>
            <fieldset className="field motion-radios">
              <legend>{t('majority')}</legend>
              <label>
                <input type="radio" name="majority" value="simple" defaultChecked /> {t('majoritySimple')}
              </label>
              <label>
                <input type="radio" name="majority" value="two_thirds" /> {t('majorityTwoThirds')}
              </label>
            </fieldset>
            <DialogButtons cancel={t('cancel')} submit={t('openVote')} />
          </ActionForm>
        )}
      </DateDialogButton>,
    );
  if (a.closeAmendments)
    actions.push(
      <ConfirmButton
        key="close"
        className="btn"
        label={t('closeAmendments')}
        title={t('closeAmendmentsTitle')}
        body={t('closeAmendmentsBody')}
        confirmLabel={t('closeAmendments')}
        cancelLabel={t('cancel')}
        onConfirm={async () => void (await run({ stage: 'closed' }, t('closeAmendmentsDone')))}
      />,
    );
  if (a.withdraw)
    actions.push(
      <ConfirmButton
        key="withdraw"
        className="btn btn-danger"
        label={t('withdraw')}
        title={t('withdrawTitle', { title: data.title })}
        body={t('withdrawBody')}
        confirmLabel={t('withdraw')}
        cancelLabel={t('cancel')}
        onConfirm={async () => void (await run({ stage: 'withdrawn' }, t('withdrawDone')))}
      />,
    );

  return (
    <section className="motion-stage" aria-labelledby="motion-stage-title">
      <h2 id="motion-stage-title" className={stage === null ? 'visually-hidden' : undefined}>
        {data.procedure === 'chapter' ? t('headingChapter') : t('heading')}
      </h2>
      {stage !== null && (
      <ol className="motion-steps">
        {steps.map((s, i) => {
          const state = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'upcoming';
          const at = state !== 'upcoming' ? dates.get(s) : undefined;
          // A step passed over (a vote opened straight after filing): drawn apart, said so.
          const skipped = state === 'done' && !at;
          const label = s === 'adopted' && state === 'upcoming' && data.procedure === 'motion' ? `${t('name.adopted')} / ${t('name.rejected')}` : t(`name.${s}`);
          return (
            <li key={s} className={`motion-step is-${skipped ? 'skipped' : state} step-${s}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="motion-step-mark" aria-hidden>
                {state === 'done' ? <Check size={14} /> : <Circle size={10} />}
              </span>
              <span className="motion-step-text">
                <span className="motion-step-name">{label}</span>
                <span className="visually-hidden"> ({t(skipped ? 'skipped' : state)})</span>
                {at && <span className="motion-step-date">{format.dateTime(at, { day: 'numeric', month: 'short' })}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      )}
      {deadline && <p className="motion-deadline">{deadline}</p>}
      {stage === 'draft' && <p className="small muted">{t('draftHint')}</p>}
      {stage === 'withdrawn' && <p className="small muted">{t('withdrawnHint')}</p>}
      {(actions.length > 0 || showPrint) && (
        <div className="row motion-actions" role="group" aria-label={t('actionsHeading')}>
          {actions}
          {showPrint && (
            <button type="button" className="btn btn-ghost motion-print" onClick={() => window.print()}>
              <Printer size={16} aria-hidden /> {t('print')}
            </button>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {message && <p className={`alert ${message.ok ? 'alert-ok' : 'alert-error'}`}>{message.text}</p>}
      </div>
    </section>
  );
}

/** A button opening a dialog whose form asks the stage's dates. */
function DateDialogButton({ label, title, intro, primary, children }: { label: string; title: string; intro: string; primary: boolean; children: (close: () => void) => ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const dialogId = useId();
  useEffect(() => {
    if (open && ref.current && !ref.current.open) ref.current.showModal();
  }, [open]);
  const close = () => (document.getElementById(dialogId) as HTMLDialogElement | null)?.close();
  return (
    <>
      <button type="button" className={primary ? 'btn btn-primary' : 'btn'} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <dialog ref={ref} id={dialogId} aria-labelledby={titleId} onClose={() => setOpen(false)} className="motion-dialog">
          <h2 id={titleId}>{title}</h2>
          <p className="muted">{intro}</p>
          {children(close)}
        </dialog>
      )}
    </>
  );
}

function DialogButtons({ cancel, submit }: { cancel: string; submit: string }) {
  return (
    <div className="row" style={{ justifyContent: 'flex-end' }}>
      <button type="button" className="btn" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
        {cancel}
      </button>
      <SubmitButton>{submit}</SubmitButton>
    </div>
  );
}

/** « 12 décembre à 18 h » (« à 18 h 30 »); in English « December 12 at 6:00 PM ». */
function deadlineDate(d: Date, locale: string, timeZone: string | undefined): string {
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone }).format(d);
  if (!locale.startsWith('fr')) return `${day} at ${new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(d)}`;
  const parts = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone }).formatToParts(d);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${day} à ${hour} h${minute === '00' ? '' : ` ${minute}`}`;
}

/** A datetime-local value (the browser's time zone) as an ISO instant, if it is in the future. */
function futureIso(v: FormDataEntryValue | null): { ok: true; iso: string } | { ok: false; why: 'missing' | 'past' } {
  if (typeof v !== 'string' || !v) return { ok: false, why: 'missing' };
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) return { ok: false, why: 'missing' };
  if (at.getTime() <= Date.now()) return { ok: false, why: 'past' };
  return { ok: true, iso: at.toISOString() };
}

function localError(message: string, field: string): FormResult {
  return { ok: false, error: { code: 'invalid_input', message, field }, at: Date.now() };
}
