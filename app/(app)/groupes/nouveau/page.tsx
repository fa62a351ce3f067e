import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GroupForm } from '@/components/spaces/GroupForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { requireViewer } from '@/server/auth/current';
import { canSite } from '@/server/policy';
import { createGroupAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('spaces'))('createGroup') };
}

export default async function NewGroupPage() {
  const viewer = await requireViewer('/groupes/nouveau');
  const t = await getTranslations('spaces');
  const tc = await getTranslations('common');
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[{ href: '/groupes', label: tc('groups') }, { label: t('createGroup') }]} />
        <h1>{t('createGroup')}</h1>
        <p className="muted">{t('createGroupIntro')}</p>
      </div>
      <div className="card">{canSite(viewer, 'createGroup') ? <GroupForm action={createGroupAction} /> : <p className="alert alert-info">{t('membersOnly')}</p>}</div>
    </div>
  );
}
