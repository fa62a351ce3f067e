import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { EmailSignInForm } from '@/components/ui/EmailSignInForm';
import { isAppError } from '@/lib/errors';
import { getViewer } from '@/server/auth/current';
import { checkInvitation } from '@/server/invitations/invitation-service';
import { sendSignInLinkAction } from '@/app/connexion/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('invitation.title'), robots: { index: false } };
}

type Params = Promise<{ token: string }>;

function isValidInvitation(token: string): boolean {
  try {
    checkInvitation(token);
    return true;
  } catch (e) {
    if (isAppError(e)) return false;
    throw e;
  }
}

/** Public landing page of an invitation link: the sign-in action spends one use when it creates the account. */
export default async function InvitationPage({ params }: { params: Params }) {
  const { token } = await params;
  const t = await getTranslations('account.invitation');
  const signedIn = (await getViewer()) !== null;
  const valid = !signedIn && isValidInvitation(token);
  return (
    <main className="auth-wrap" id="main">
      <p className="brand" style={{ justifyContent: 'center', marginBottom: 24 }}>
        <span className="brand-mark" aria-hidden>
          C
        </span>
        Coopol
      </p>
      <div className="card stack">
        {signedIn ? (
          <>
            <h1>{t('signedInTitle')}</h1>
            <p className="muted">{t('signedInBody')}</p>
            <Link className="btn btn-primary" href="/">
              {t('goHome')}
            </Link>
          </>
        ) : valid ? (
          <>
            <div>
              <h1>{t('title')}</h1>
              <p className="muted" style={{ margin: 0 }}>
                {t('intro')}
              </p>
            </div>
            <EmailSignInForm action={sendSignInLinkAction} callbackUrl="/" invitation={token} submitLabel={t('submit')} />
            <p className="small muted" style={{ margin: 0 }}>
              {t('already')}
            </p>
          </>
        ) : (
          <>
            <Icon name="mailX" size={40} style={{ display: 'block', margin: '0 auto', color: 'var(--muted)' }} />
            <h1>{t('invalidTitle')}</h1>
            <p className="alert alert-error" style={{ margin: 0 }}>
              {t('invalidBody')}
            </p>
            <Link href="/connexion">{t('signIn')}</Link>
          </>
        )}
      </div>
    </main>
  );
}
