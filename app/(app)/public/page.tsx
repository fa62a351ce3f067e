import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageList } from '@/components/pages/PageList';
import { listPages } from '@/server/pages/page-service';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('publicTexts') };
}

/** What the party publishes for everyone, newest first. */
export default async function PublicTextsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const t = await getTranslations('home');
  const texts = listPages(null, { limit: 30, cursor: cursor ?? null });
  return (
    <div className="stack">
      <h1>{t('publicTexts')}</h1>
      <p className="muted">{t('publicIntro')}</p>
      <section className="card">
        <PageList items={texts.data} emptyText={t('noPublicTexts')} showSpace moreHref={texts.nextCursor ? `/public?cursor=${texts.nextCursor}` : null} />
      </section>
    </div>
  );
}
