import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Inside the app shell (which has the <main> landmark already). */
export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <div className="card stack" style={{ textAlign: 'center', maxWidth: 520, margin: '8vh auto' }}>
      <h1>{t('notFoundTitle')}</h1>
      <p className="muted">{t('notFoundBody')}</p>
      <Link href="/" className="btn btn-primary">
        {t('backHome')}
      </Link>
    </div>
  );
}
