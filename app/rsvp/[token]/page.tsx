/**
 * The page an RSVP link opens (from an invitation, a reminder, or an anonymous sign-up's
 * confirmation). Mail scanners open links by themselves, so opening records nothing: the page
 * shows the answer the link pre-chose and one button that sends it. Then it shows the answer,
 * the event's date and place, and lets the guest change it. No account needed; nothing of
 * anyone else is shown.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { isAppError } from '@/lib/errors';
import { rsvpTokenView, type TokenView } from '@/server/events/guests';
import { answerByLinkAction } from './actions';
import '@/components/events/participants.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rsvp.token'))('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

type Params = Promise<{ token: string }>;
type Search = Promise<{ r?: string; ok?: string; error?: string; change?: string }>;
const ANSWERS = ['yes', 'maybe', 'no'] as const;
type Answer = (typeof ANSWERS)[number];
const isAnswer = (s: string | undefined): s is Answer => (ANSWERS as readonly string[]).includes(s ?? '');

function read(token: string, locale: 'fr' | 'en'): { view: TokenView } | { problem: 'invalid' | 'expired' | 'gone' } {
  try {
    return { view: rsvpTokenView(token, { locale }) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'not_found') return { problem: 'gone' };
    return { problem: e.detail?.key === 'linkExpired' ? 'expired' : 'invalid' };
  }
}

export default async function RsvpLinkPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { token } = await params;
  const sp = await searchParams;
  const locale = (await getLocale()) === 'en' ? 'en' : 'fr';
  const t = await getTranslations('rsvp');
  const found = read(token, locale);
  return (
    <main className="auth-wrap" id="main">
      <p className="brand" style={{ justifyContent: 'center', marginBottom: 24 }}>
        <span className="brand-mark" aria-hidden>
          C
        </span>
        Coopol
      </p>
      <div className="card stack">
        {'problem' in found ? (
          <>
            <Icon name="calendarX" size={40} style={{ display: 'block', margin: '0 auto', color: 'var(--muted)' }} />
            <h1>{t('token.invalidTitle')}</h1>
            <p className="alert alert-error" style={{ margin: 0 }}>
              {t(`token.${found.problem}`)}
            </p>
          </>
        ) : (
          <LinkAnswer token={token} view={found.view} sp={sp} t={t} />
        )}
      </div>
    </main>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'rsvp'>>>;

function LinkAnswer({ token, view, sp, t }: { token: string; view: TokenView; sp: Awaited<Search>; t: T }) {
  const mine = view.mine;
  const current = mine.confirmed && mine.response ? mine.response : null;
  // The link's pre-chosen answer, until it is sent (or the guest asks to change it).
  const proposed = !sp.ok && !sp.change && isAnswer(sp.r) ? sp.r : null;
  const action = answerByLinkAction.bind(null, token);
  const errorText = sp.error ? (t.has(`errors.${sp.error}`) ? t(`errors.${sp.error}` as 'errors.eventOver') : t('token.invalid')) : null;
  const slotsFor = (answer: Answer | null) =>
    view.slots.length > 0 && answer !== 'no' ? (
      <fieldset className="field rsvp-slots">
        <legend>{t('box.slot')}</legend>
        {view.slots.map((s, i) => (
          <label key={s.id} className="rsvp-slot">
            <input type="radio" name="slotId" value={s.id} defaultChecked={mine.slotId ? mine.slotId === s.id : i === 0} />
            <span>{[s.label, s.when].filter(Boolean).join(' · ')}</span>
            {s.remaining !== null && <span className="small muted">{t('box.slotSeats', { count: s.remaining })}</span>}
          </label>
        ))}
      </fieldset>
    ) : null;
  return (
    <>
      <div>
        <p className="muted small" style={{ margin: 0 }}>
          {mine.confirmed ? t('token.title') : t('token.confirmTitle')}
        </p>
        <h1 style={{ marginTop: 4 }}>{view.title}</h1>
      </div>
      <dl className="rsvp-facts">
        <dt>{t('token.when')}</dt>
        <dd>{view.when}</dd>
        {view.place && (
          <>
            <dt>{t('token.where')}</dt>
            <dd>{view.place}</dd>
          </>
        )}
      </dl>
      {sp.ok && current && (
        <p className="alert alert-ok" role="status" style={{ margin: 0 }}>
          {t('token.saved', { answer: t(`answers.${current}`) })}
        </p>
      )}
      {errorText && (
        <p className="alert alert-error" role="alert" style={{ margin: 0 }}>
          {errorText}
        </p>
      )}
      {mine.waitlisted && mine.position !== null && (
        <p className="alert alert-warn" style={{ margin: 0 }}>
          {t('box.waitlisted', { position: mine.position })} {t('box.waitlistedHint')}
        </p>
      )}
      {view.ended ? (
        <p className="muted" style={{ margin: 0 }}>
          {t('token.ended')}
        </p>
      ) : proposed ? (
        <form action={action} className="stack">
          <input type="hidden" name="response" value={proposed} />
          <p style={{ margin: 0 }}>{t('token.chosen', { answer: t(`answers.${proposed}`) })}</p>
          {slotsFor(proposed)}
          <button type="submit" className="btn btn-primary">
            {t('token.confirm', { answer: t(`answers.${proposed}`) })}
          </button>
          <Link href={`/rsvp/${token}?change=1`}>{t('token.change')}</Link>
        </form>
      ) : (
        <form action={action} className="stack">
          {!sp.ok && <p style={{ margin: 0 }}>{current ? t('token.current', { answer: t(`answers.${current}`) }) : t('token.noAnswer')}</p>}
          <fieldset className="field">
            <legend>{t('token.choose')}</legend>
            <div className="rsvp-answers">
              {ANSWERS.map((a) => (
                <label key={a} className="rsvp-choice">
                  <input type="radio" name="response" value={a} defaultChecked={(current ?? 'yes') === a} required />
                  {t(`answers.${a}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {slotsFor(null)}
          <div>
            <button type="submit" className="btn btn-primary">
              {t('token.save')}
            </button>
          </div>
        </form>
      )}
      {view.pageUrl && <Link href={view.pageUrl}>{t('token.openPage')}</Link>}
      <p className="small muted" style={{ margin: 0 }}>
        {t('token.private')}
      </p>
    </>
  );
}
