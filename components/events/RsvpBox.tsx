'use client';
/**
 * The visitor's own answer on an event page: « Je participe / Peut-être / Je ne viens pas », the
 * slot when the event has some, the seats left and one's place on the waiting list; for an
 * anonymous visitor of a public event, a sign-up form confirmed by a mailed link. Organisers get
 * the way to the participants screen. Nothing here names anyone else.
 */
import { useActionState, useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import './participants.css';

export type RsvpAnswer = 'yes' | 'maybe' | 'no';
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['yes', 'maybe', 'no'];

export type RsvpSlot = { id: string; label: string; when: string; capacity: number | null; remaining: number | null };
export type RsvpBoxData = {
  canAnswer: boolean;
  anonymous: boolean;
  ended: boolean;
  mine: { response: RsvpAnswer | null; slotId: string | null; waitlisted: boolean; position: number | null; confirmed: boolean } | null;
  capacity: number | null;
  remaining: number | null;
  slots: RsvpSlot[];
  manage: { registered: number; attended: number; waitlisted: number } | null;
};

export type Result<T> = { ok: true; data: T; at: number } | { ok: false; error: { code: string; message: string; field?: string }; at: number } | null;

type Props = {
  data: RsvpBoxData;
  answer: (input: { response: RsvpAnswer; slotId: string | null }) => Promise<Result<RsvpBoxData>>;
  register: (prev: unknown, form: FormData) => Promise<Result<{ email: string }>>;
  manageHref: string | null;
};

export function RsvpBox({ data, answer, register, manageHref }: Props) {
  const t = useTranslations('rsvp');
  const titleId = useId();
  const [view, setView] = useState(data);
  const [slotId, setSlotId] = useState<string | null>(data.mine?.slotId ?? null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const mine = view.mine;

  const send = (response: RsvpAnswer) =>
    start(async () => {
      setMessage(null);
      const r = await answer({ response, slotId: response === 'no' ? null : slotId });
      if (!r) return;
      if (r.ok) {
        setView(r.data);
        setMessage({ ok: true, text: t('box.saved') });
      } else setMessage({ ok: false, text: r.error.message });
    });

  const showSlots = view.slots.length > 0 && view.canAnswer && !view.anonymous;
  return (
    <section className="card stack rsvp-box" aria-labelledby={titleId}>
      <h2 id={titleId} className="rsvp-title">
        {t('box.title')}
      </h2>
      {view.ended && <p className="muted rsvp-line">{t('box.ended')}</p>}
      {mine?.response && mine.confirmed && (
        <p className="rsvp-line">
          <strong>{t('box.yourAnswer', { answer: t(`answers.${mine.response}`) })}</strong>
          {mine.slotId && view.slots.find((s) => s.id === mine.slotId) && <> — {slotName(view.slots.find((s) => s.id === mine.slotId)!)}</>}
        </p>
      )}
      {mine?.waitlisted && mine.position !== null && (
        <p className="alert alert-warn rsvp-line">
          {t('box.waitlisted', { position: mine.position })} {t('box.waitlistedHint')}
        </p>
      )}
      {!view.ended && view.remaining !== null && view.slots.length === 0 && <p className="muted small rsvp-line">{t('box.seatsLeft', { count: view.remaining })}</p>}
      {showSlots && (
        <fieldset className="field rsvp-slots">
          <legend>{t('box.slot')}</legend>
          {view.slots.map((s) => (
            <label key={s.id} className="rsvp-slot">
              <input type="radio" name={`${titleId}-slot`} value={s.id} checked={slotId === s.id} onChange={() => setSlotId(s.id)} />
              <span>{slotName(s)}</span>
              {s.remaining !== null && <span className="small muted">{t('box.slotSeats', { count: s.remaining })}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {view.canAnswer && !view.anonymous && (
        <div role="group" aria-label={t('box.question')} className="rsvp-answers">
          {RSVP_ANSWERS.map((r) => {
            const chosen = mine?.response === r && mine.confirmed && (r === 'no' || mine.slotId === slotId || view.slots.length === 0);
            return (
              <button key={r} type="button" className={`btn ${chosen ? 'btn-primary' : ''}`} aria-pressed={chosen} disabled={pending} onClick={() => send(r)}>
                {t(`answers.${r}`)}
              </button>
            );
          })}
        </div>
      )}
      {view.canAnswer && view.anonymous && <AnonymousSignUp slots={view.slots} register={register} />}
      <p role="status" aria-live="polite" className={message ? `alert ${message.ok ? 'alert-ok' : 'alert-error'} rsvp-line` : 'rsvp-status'}>
        {message?.text}
      </p>
      {manageHref && view.manage && (
        <div className="rsvp-manage">
          <a className="btn" href={manageHref}>
            {t('box.manage')}
          </a>
          <span className="small muted">{t('box.manageCounts', view.manage)}</span>
        </div>
      )}
    </section>
  );
}

const slotName = (s: RsvpSlot) => [s.label, s.when].filter(Boolean).join(' · ');

function AnonymousSignUp({ slots, register }: { slots: RsvpSlot[]; register: Props['register'] }) {
  const t = useTranslations('rsvp');
  const id = useId();
  const [state, action, pending] = useActionState(register, null);
  if (state?.ok) {
    return (
      <p className="alert alert-ok" role="status">
        {t('box.sent', { email: state.data.email })}
      </p>
    );
  }
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="stack rsvp-signup" noValidate>
      <h3 className="rsvp-subtitle">{t('box.anonymousTitle')}</h3>
      <fieldset className="field">
        <legend>{t('box.answer')}</legend>
        <div className="rsvp-answers">
          {RSVP_ANSWERS.map((r, i) => (
            <label key={r} className="rsvp-choice">
              <input type="radio" name="response" value={r} defaultChecked={i === 0} />
              {t(`answers.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {slots.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-slot`}>{t('box.slot')}</label>
          <select id={`${id}-slot`} name="slotId" aria-invalid={error?.field === 'slotId' || undefined}>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>
                {slotName(s)}
                {s.remaining !== null ? ` (${t('box.slotSeats', { count: s.remaining })})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('box.name')}</label>
        <input id={`${id}-name`} name="name" autoComplete="name" required maxLength={100} aria-invalid={error?.field === 'name' || undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('box.email')}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" required aria-describedby={`${id}-hint`} aria-invalid={error?.field === 'email' || undefined} />
        <span id={`${id}-hint`} className="hint">
          {t('box.emailHint')}
        </span>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t('box.send')}
        </button>
      </div>
    </form>
  );
}
