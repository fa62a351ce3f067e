import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { CardSection } from '@/components/ui/CardSection';
import { Icon } from '@/components/ui/Icon';
import { ApiTokenManager } from '@/components/account/ApiTokenManager';
import { DeleteAccount } from '@/components/account/DeleteAccount';
import { EmailChangeForm } from '@/components/account/EmailChangeForm';
import { ProfileForm } from '@/components/account/ProfileForm';
import { SessionList } from '@/components/account/SessionList';
import { requireViewer } from '@/server/auth/current';
import { describeDevice } from '@/server/auth/describe-device';
import { sessionCookieName } from '@/server/auth/session-cookie';
import { listApiTokens } from '@/server/users/api-tokens';
import { getProfile, listSessions } from '@/server/users/account-service';
import { createApiTokenAction, deleteAccountAction, endOtherSessionsAction, requestEmailChangeAction, revokeApiTokenAction, revokeSessionAction, updateProfileAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const viewer = await requireViewer('/compte');
  const t = await getTranslations('account');
  const me = getProfile(viewer.id);
  // Device and browser names only: the raw User-Agent stays on the server.
  const sessions = listSessions(viewer.id, (await cookies()).get(sessionCookieName())?.value).map(({ userAgent, ...s }) => ({ ...s, device: describeDevice(userAgent) }));
  const tokens = listApiTokens(viewer.id);
  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
      </div>

      <CardSection id="profile-title" title={t('profile.title')}>
        <ProfileForm action={updateProfileAction} name={me.name ?? ''} locale={me.locale} />
      </CardSection>

      <CardSection id="email-title" title={t('email.title')}>
        <EmailChangeForm action={requestEmailChangeAction} currentEmail={me.email} />
      </CardSection>

      <CardSection id="sessions-title" title={t('sessions.title')} intro={t('sessions.intro')}>
        <SessionList sessions={sessions} revokeAction={revokeSessionAction} endOthersAction={endOtherSessionsAction} />
      </CardSection>

      <CardSection id="tokens-title" title={t('tokens.title')} intro={t('tokens.intro')}>
        <ApiTokenManager tokens={tokens} createAction={createApiTokenAction} revokeAction={revokeApiTokenAction} />
      </CardSection>

      <CardSection id="data-title" title={t('data.title')} intro={t('data.intro')}>
        <div>
          {/* A plain link: the browser downloads the file, no client code involved. */}
          <a className="btn" href="/api/v1/me/export" download>
            <Icon name="download" size={18} /> {t('data.download')}
          </a>
        </div>
      </CardSection>

      <section className="card stack" aria-labelledby="delete-title" style={{ borderColor: '#e8b4b0' }}>
        <div>
          <h2 id="delete-title" style={{ color: 'var(--danger)' }}>
            {t('delete.title')}
          </h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t('delete.intro')}
          </p>
        </div>
        <DeleteAccount action={deleteAccountAction} />
      </section>
    </div>
  );
}
