import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TrashList } from '@/components/pages/TrashList';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { listTrash } from '@/server/pages/page-service';
import { getSpaceRow } from '@/server/spaces/queries';
import { restorePageAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('spaces'))('trash') };
}

export default async function TrashPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/espaces/${id}/corbeille`);
  const t = await getTranslations('spaces');
  const format = await getFormatter();
  let space, items;
  try {
    space = getSpaceRow(id);
    items = listTrash(viewer, id);
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[{ href: `/espaces/${id}`, label: space.name }, { label: t('trash') }]} />
        <h1>{t('trashOf', { space: space.name })}</h1>
        <p className="muted">{t('trashIntro')}</p>
      </div>
      <div className="card">
        <TrashList
          items={items.map((i) => ({ id: i.id, title: i.title, deletedBy: i.deletedByName, deletedAt: format.relativeTime(i.deletedAt), purgeAt: format.dateTime(i.purgeAt, { dateStyle: 'long' }) }))}
          restore={restorePageAction.bind(null, id)}
        />
      </div>
    </div>
  );
}
