import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Landmark, Mail } from 'lucide-react';
import { RegistrationForm } from '@/components/account/RegistrationForm';
import { requireViewer } from '@/server/auth/current';
import { canSite } from '@/server/policy';
import { isRegistrationOpen } from '@/server/settings/site-settings';
import { listSpaces } from '@/server/spaces/queries';
import { setRegistrationOpenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminPage() {
  const viewer = await requireViewer('/admin');
  // Not "forbidden": to anyone but a site admin, this page does not exist.
  if (!canSite(viewer, 'manageSite')) notFound();
  const t = await getTranslations('admin');
  const national = listSpaces({ kind: 'national', limit: 1 }).data[0];
  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t('intro')}
        </p>
      </div>

      <section className="card stack" aria-labelledby="registration-title">
        <h2 id="registration-title" style={{ margin: 0 }}>
          {t('registration.title')}
        </h2>
        <RegistrationForm action={setRegistrationOpenAction} isOpen={isRegistrationOpen()} />
      </section>

      <section className="card stack" aria-labelledby="territories-title">
        <div>
          <h2 id="territories-title">{t('territories.title')}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t('territories.intro')}
          </p>
        </div>
        {national ? (
          <div>
            <Link className="btn" href={`/espaces/${national.id}`}>
              <Landmark size={18} aria-hidden /> {t('territories.link', { name: national.name })}
            </Link>
          </div>
        ) : (
          <p className="empty">{t('territories.none')}</p>
        )}
      </section>

      <section className="card stack" aria-labelledby="admin-invitations-title">
        <h2 id="admin-invitations-title" style={{ margin: 0 }}>
          {t('invitations.title')}
        </h2>
        <div>
          <Link className="btn" href="/invitations">
            <Mail size={18} aria-hidden /> {t('invitations.link')}
          </Link>
        </div>
      </section>
    </div>
  );
}
