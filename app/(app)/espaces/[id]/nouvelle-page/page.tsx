import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NewPageForm } from '@/components/pages/NewPageForm';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/server/auth/current';
import { spaceAbilities } from '@/server/policy';
import { getSpaceRow, listMySpaces } from '@/server/spaces/queries';
import { createPageAction } from './actions';
import { NewMotionScreen } from '@/components/motions/NewMotionScreen';
import '@/components/pages/page-screen.css';

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ kind?: string }> }): Promise<Metadata> {
  if ((await searchParams).kind === 'motion') return { title: (await getTranslations('motions'))('newMotion.title') };
  return { title: (await getTranslations('pages'))('newPage') };
}

export default async function NewPagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { id } = await params;
  const motion = (await searchParams).kind === 'motion';
  const viewer = await requireViewer(`/espaces/${id}/nouvelle-page${motion ? '?kind=motion' : ''}`);
  let space;
  try {
    space = getSpaceRow(id);
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
  const t = await getTranslations('pages');
  if (!spaceAbilities(viewer, space).createPage) {
    return (
      <div className="card">
        <h1>{t('newPage')}</h1>
        <p className="alert alert-info">{t('cannotCreate')}</p>
      </div>
    );
  }
  // The space one came from first, then the others one may write in.
  const others = listMySpaces(viewer.id).filter((s) => s.id !== space.id && spaceAbilities(viewer, s).createPage);
  // « Nouvelle motion » (from the space's page): the same creation, with what a motion goes through.
  if (motion) return <NewMotionScreen space={space} spaces={[space, ...others].map((s) => ({ id: s.id, name: s.name }))} action={createPageAction.bind(null, id)} />;
  return (
    <div className="stack">
      <div>
        <Breadcrumbs items={[{ href: `/espaces/${id}`, label: space.name }, { label: t('newPage') }]} />
        <h1>{t('newPageIn', { space: space.name })}</h1>
      </div>
      <div className="card">
        <NewPageForm initialKind={(await searchParams).kind === 'event' ? 'event' : undefined} action={createPageAction.bind(null, id)} spaces={[space, ...others].map((s) => ({ id: s.id, name: s.name }))} />
      </div>
    </div>
  );
}
