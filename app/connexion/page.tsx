import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmailSignInForm } from '@/components/ui/EmailSignInForm';
import { safeReturnPath } from '@/lib/safe-redirect';
import { getViewer } from '@/server/auth/current';
import { env, isDemo } from '@/server/env';
import { demoSignInAction, sendSignInLinkAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

type Search = Promise<{ callbackUrl?: string | string[]; reason?: string | string[]; error?: string | string[] }>;

const REASONS = ['expired', 'required', 'signed-out'] as const;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  // A repeated parameter arrives as an array: it is nobody's real destination.
  const callbackUrl = safeReturnPath(typeof sp.callbackUrl === 'string' ? sp.callbackUrl : null, '/', env().AUTH_URL);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  const locale = await getLocale();
  const reason = REASONS.find((r) => r === sp.reason);
  const personas = isDemo() ? (await import('@/seeds/personas')).DEMO_PERSONAS : [];
  return (
    <div className="auth-wrap">
      <p className="brand" style={{ justifyContent: 'center', marginBottom: 24 }}>
        <span className="brand-mark" aria-hidden>
          C
        </span>
        Coopol
      </p>
      <div className="card stack">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        {reason && <p className={reason === 'signed-out' ? 'alert alert-ok' : 'alert alert-info'}>{t(`reason.${reason}`)}</p>}
        {sp.error && <p className="alert alert-error">{sp.error === 'Verification' ? t('linkInvalid') : t('genericError')}</p>}
        <EmailSignInForm action={sendSignInLinkAction} callbackUrl={callbackUrl} />
      </div>
      {personas.length > 0 && (
        <section className="card stack" style={{ marginTop: 16 }} aria-labelledby="demo-title">
          <div>
            <h2 id="demo-title">{t('demoTitle')}</h2>
            <p className="muted small">{t('demoIntro')}</p>
          </div>
          <div className="persona-list">
            {personas.map((p) => (
              <form key={p.email} action={demoSignInAction}>
                <input type="hidden" name="email" value={p.email} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="btn">
                  {t('signInAs', { who: locale === 'en' ? p.labelEn : p.labelFr })}
                </button>
              </form>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
