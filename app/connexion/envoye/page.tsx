import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { signInLinkValidity } from '@/server/auth/sign-in-link';
import { isRegistrationOpen } from '@/server/settings/site-settings';

export default async function LinkSentPage() {
  const t = await getTranslations('auth');
  return (
    <div className="auth-wrap">
      <div className="card stack" style={{ textAlign: 'center' }}>
        <Icon name="mailCheck" size={40} style={{ display: 'block', margin: '0 auto', color: 'var(--ok)' }} />
        <h1>{t('sentTitle')}</h1>
        <p>{t('sentBody', { validity: signInLinkValidity((await getLocale()) === 'en' ? 'en' : 'fr') })}</p>
        <p className="muted small">{t('sentHint')}</p>
        {/* Said to everyone, whether or not their address has an account: the page is the same for all. */}
        {!isRegistrationOpen() && <p className="muted small">{t('sentNoAccount')}</p>}
        <Link href="/connexion">{t('useAnotherEmail')}</Link>
      </div>
    </div>
  );
}
