import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Download } from 'lucide-react';
import { ApiTokenManager } from '@/components/account/ApiTokenManager';
import { DeleteAccount } from '@/components/account/DeleteAccount';
import { EmailChangeForm } from '@/components/account/EmailChangeForm';
import { ProfileForm } from '@/components/account/ProfileForm';
import { SessionList } from '@/components/account/SessionList';
import { requireViewer } from '@/server/auth/current';
import { sessionCookieName } from '@/server/auth/session-cookie';
import { listApiTokens } from '@/server/users/api-tokens';
import { getProfile, listSessions } from '@/server/users/account-service';
import { createApiTokenAction, deleteAccountAction, requestEmailChangeAction, revokeApiTokenAction, revokeSessionAction, updateProfileAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const viewer = await requireViewer('/compte');
  const t = await getTranslations('account');
  const me = getProfile(viewer.id);
  const sessions = listSessions(viewer.id, (await cookies()).get(sessionCookieName())?.value);
  const tokens = listApiTokens(viewer.id);
  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
      </div>

      <section className="card stack" aria-labelledby="profile-title">
        <h2 id="profile-title" style={{ margin: 0 }}>
          {t('profile.title')}
        </h2>
        <ProfileForm action={updateProfileAction} name={me.name ?? ''} locale={me.locale} />
      </section>

      <section className="card stack" aria-labelledby="email-title">
        <h2 id="email-title" style={{ margin: 0 }}>
          {t('email.title')}
        </h2>
        <EmailChangeForm action={requestEmailChangeAction} currentEmail={me.email} />
      </section>

      <section className="card stack" aria-labelledby="sessions-title">
        <div>
          <h2 id="sessions-title">{t('sessions.title')}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t('sessions.intro')}
          </p>
        </div>
        <SessionList sessions={sessions} revokeAction={revokeSessionAction} />
      </section>

      <section className="card stack" aria-labelledby="tokens-title">
        <div>
          <h2 id="tokens-title">{t('tokens.title')}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t('tokens.intro')}
          </p>
        </div>
        <ApiTokenManager tokens={tokens} createAction={createApiTokenAction} revokeAction={revokeApiTokenAction} />
      </section>

      <section className="card stack" aria-labelledby="data-title">
        <div>
          <h2 id="data-title">{t('data.title')}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t('data.intro')}
          </p>
        </div>
        <div>
          {/* A plain link: the browser downloads the file, no client code involved. */}
          <a className="btn" href="/api/v1/me/export" download>
            <Download size={18} aria-hidden /> {t('data.download')}
          </a>
        </div>
      </section>

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
