import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('delete.goodbyeTitle') };
}

/** Where a deleted account lands: the session is gone, so this page asks for nothing. */
export default async function GoodbyePage() {
  const t = await getTranslations('account.delete');
  return (
    <div className="stack" style={{ maxWidth: 560 }}>
      <h1>{t('goodbyeTitle')}</h1>
      <div className="card stack">
        <p className="alert alert-ok" style={{ margin: 0 }}>
          {t('goodbyeBody')}
        </p>
        <p style={{ margin: 0 }}>
          <Link href="/">{t('goodbyeBack')}</Link>
        </p>
      </div>
    </div>
  );
}
