import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmailConfirmForm } from '@/components/account/EmailConfirmForm';
import { confirmEmailChangeAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('email.confirmTitle') };
}

type Search = Promise<{ token?: string | string[] }>;

/** Reached from the confirmation e-mail; may be opened signed out or on another device. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Search }) {
  const { token } = await searchParams;
  const t = await getTranslations('account.email');
  return (
    <div className="stack" style={{ maxWidth: 560 }}>
      <h1>{t('confirmTitle')}</h1>
      <div className="card stack">
        {typeof token === 'string' && token ? (
          <>
            <p style={{ margin: 0 }}>{t('confirmIntro')}</p>
            <EmailConfirmForm action={confirmEmailChangeAction} token={token} />
          </>
        ) : (
          <>
            <p className="alert alert-error">{t('missing')}</p>
            <p style={{ margin: 0 }}>
              <Link href="/compte">{t('backToAccount')}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
