import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="auth-wrap" id="main">
      <div className="card stack" style={{ textAlign: 'center' }}>
        <h1>{t('notFoundTitle')}</h1>
        <p className="muted">{t('notFoundBody')}</p>
        <Link href="/" className="btn btn-primary">
          {t('backHome')}
        </Link>
      </div>
    </main>
  );
}
