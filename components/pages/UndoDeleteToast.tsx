'use client';
import { useEffect, useState, useTransition } from 'react';
import { useRouter, usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormResult } from '@/components/ui/ActionForm';

/** Shown right after a page was deleted: "Page moved to trash — Undo", for 10 seconds. */
export function UndoDeleteToast({ restore }: { restore: () => Promise<FormResult> }) {
  const t = useTranslations('pages');
  const router = useRouter();
  const path = usePathname();
  const [visible, setVisible] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  useEffect(() => {
    const timer = setTimeout(() => {
      setVisible(false);
      router.replace(path, { scroll: false });
    }, 10_000);
    return () => clearTimeout(timer);
  }, [router, path]);
  if (!visible) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{message ?? t('deletedToast')}</span>
      {!message && (
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await restore();
              if (r && !r.ok) setMessage(r.error.message);
              else {
                setMessage(t('restoredToast'));
                router.replace(path, { scroll: false });
                router.refresh();
              }
            })
          }
        >
          {t('undo')}
        </button>
      )}
    </div>
  );
}
