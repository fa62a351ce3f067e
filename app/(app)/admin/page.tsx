import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CardSection } from '@/components/ui/CardSection';
import { Icon } from '@/components/ui/Icon';
import { RegistrationForm } from '@/components/account/RegistrationForm';
import { requireViewer } from '@/server/auth/current';
import { canSite } from '@/server/policy';
import { isRegistrationOpen, motionLineLength, MOTION_LINE_LENGTH } from '@/server/settings/site-settings';
import { LineNumbersSettingForm } from '@/components/motions/LineNumbersSettingForm';
import { listSpaces } from '@/server/spaces/queries';
import { setMotionLineLengthAction, setRegistrationOpenAction } from './actions';

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

      <CardSection id="registration-title" title={t('registration.title')}>
        <RegistrationForm action={setRegistrationOpenAction} isOpen={isRegistrationOpen()} />
      </CardSection>

      <CardSection id="motion-lines-title" title={t('motionLines.title')}>
        <LineNumbersSettingForm action={setMotionLineLengthAction} length={motionLineLength()} min={MOTION_LINE_LENGTH.min} max={MOTION_LINE_LENGTH.max} />
      </CardSection>

      <CardSection id="territories-title" title={t('territories.title')} intro={t('territories.intro')}>
        {national ? (
          <div>
            <Link className="btn" href={`/espaces/${national.id}`}>
              <Icon name="landmark" size={18} /> {t('territories.link', { name: national.name })}
            </Link>
          </div>
        ) : (
          <p className="empty">{t('territories.none')}</p>
        )}
      </CardSection>

      <CardSection id="admin-invitations-title" title={t('invitations.title')}>
        <div>
          <Link className="btn" href="/invitations">
            <Icon name="mail" size={18} /> {t('invitations.link')}
          </Link>
        </div>
      </CardSection>
    </div>
  );
}
