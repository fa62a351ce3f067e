import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageForm } from '@/components/pages/PageForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { getPage } from '@/server/pages/page-service';
import { updatePageAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages'))('edit') };
}

export default async function EditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/pages/${id}/modifier`);
  let page;
  try {
    page = getPage(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
  const t = await getTranslations('pages');
  if (!page.abilities.edit) {
    return (
      <div className="card">
        <h1>{page.title}</h1>
        <p className="alert alert-info">{page.status === 'archived' ? t('archivedNotice') : t('cannotEdit')}</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[{ href: `/espaces/${page.space.id}`, label: page.space.name }, { href: `/pages/${id}`, label: page.title }, { label: t('edit') }]} />
        <h1>{t('editTitle', { title: page.title })}</h1>
      </div>
      <div className="card">
        <PageForm
          action={updatePageAction.bind(null, id)}
          mode="edit"
          canChangeVisibility={page.abilities.changeVisibility}
          initial={{ title: page.title, markdown: page.body.markdown, visibility: page.visibility }}
        />
      </div>
    </div>
  );
}
