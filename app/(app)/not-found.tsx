import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInLink } from '@/components/ui/SignInLink';
import { getViewer } from '@/server/auth/current';

/**
 * Inside the app shell (which has the <main> landmark already). To a visitor who is not signed
 * in, it offers to sign in and come back: the same answer whether the page exists or not.
 */
export default async function NotFound() {
  const t = await getTranslations('common');
  const signedIn = (await getViewer()) !== null;
  return (
    <div className="card stack" style={{ textAlign: 'center', maxWidth: 520, margin: '8vh auto' }}>
      <h1>{t('notFoundTitle')}</h1>
      <p className="muted">{t('notFoundBody')}</p>
      {!signedIn && <p className="muted">{t('notFoundSignIn')}</p>}
      <div className="row" style={{ justifyContent: 'center', gap: 8, flexWrap: 'wrap' }}>
        {!signedIn && <SignInLink className="btn btn-primary">{t('notFoundSignInButton')}</SignInLink>}
        <Link href="/" className={signedIn ? 'btn btn-primary' : 'btn'}>
          {t('backHome')}
        </Link>
      </div>
    </div>
  );
}
