'use client';
/**
 * Who steers a page (publish, archive, delete, who reads it): its creator and the co-authors
 * named by a deliberate act. The creator or an animator names someone by name or address and
 * removes a nomination after a confirmation; everyone else sees the list.
 */
import { useEffect, useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

/** As server/pages/stewards.ts returns it (`displayName` is never an address). */
export type StewardListData = { stewards: { userId: string; displayName: string; isCreator: boolean }[]; canManage: boolean };

type Props = {
  /** The signed-in person (to say « vous »). */
  viewerId: string;
  /** The list rendered on the server; without it, `listAction` loads it when the component mounts. */
  initial?: StewardListData;
  listAction?: () => Promise<FormResult>;
  /** Reads the form field `person`; answers the new list. */
  addAction: (prev: unknown, form: FormData) => Promise<FormResult>;
  /** Answers the new list. */
  removeAction: (userId: string) => Promise<FormResult>;
};

const listOf = (r: FormResult): StewardListData | null => (r?.ok ? (r.data as StewardListData) : null);

export function StewardManager({ viewerId, initial, listAction, addAction, removeAction }: Props) {
  const t = useTranslations('pages.stewards');
  const tc = useTranslations('common');
  const [list, setList] = useState<StewardListData | null>(initial ?? null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [lastAdded, setLastAdded] = useState('');
  const [, start] = useTransition();
  const hintId = useId();
  const inputId = useId();

  useEffect(() => {
    if (initial || !listAction) return;
    let live = true;
    void listAction().then((r) => {
      if (live) setList(listOf(r));
    });
    return () => {
      live = false;
    };
  }, [initial, listAction]);

  if (!list) return null;
  const named = list.stewards.filter((s) => !s.isCreator);
  const creator = list.stewards.find((s) => s.isCreator);

  const add = async (prev: unknown, form: FormData): Promise<FormResult> => {
    const r = await addAction(prev, form);
    const next = listOf(r);
    if (next) {
      const before = new Set(list.stewards.map((s) => s.userId));
      setLastAdded(next.stewards.find((s) => !before.has(s.userId))?.displayName ?? '');
      setList(next);
      setNotice(null);
    }
    return r;
  };

  const remove = (userId: string, name: string) =>
    new Promise<void>((resolve) =>
      start(async () => {
        const r = await removeAction(userId);
        const next = listOf(r);
        if (next) setList(next);
        setNotice(next ? { ok: true, text: t('removed', { name }) } : { ok: false, text: r && !r.ok ? r.error.message : '' });
        resolve();
      }),
    );

  return (
    <section className="stack" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`} style={{ margin: 0, fontSize: '1.1rem' }}>
        {t('title')}
      </h2>
      <p className="small muted" style={{ margin: 0 }}>
        {t('hint')}
      </p>
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 8 }}>
        {creator && (
          <li>
            <strong>{creator.displayName}</strong>
            <span className="small muted">
              {' · '}
              {creator.userId === viewerId ? `${t('you')}, ${t('creator')}` : t('creator')}
            </span>
          </li>
        )}
        {named.map((s) => (
          <li key={s.userId} className="row" style={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
            <span>
              <strong>{s.displayName}</strong>
              {s.userId === viewerId && <span className="small muted">{` · ${t('you')}`}</span>}
            </span>
            {list.canManage && (
              <ConfirmButton
                className="btn btn-danger btn-small"
                label={t('removeShort')}
                ariaLabel={t('remove', { name: s.displayName })}
                title={t('removeTitle')}
                body={t('removeBody', { name: s.displayName })}
                confirmLabel={t('removeConfirm')}
                cancelLabel={tc('cancel')}
                onConfirm={() => remove(s.userId, s.displayName)}
              />
            )}
          </li>
        ))}
      </ul>
      {named.length === 0 && (
        <p className="small" style={{ margin: 0 }}>
          {creator?.userId === viewerId ? t('emptyYou') : t('empty')}
        </p>
      )}
      <div role="status" aria-live="polite">
        {notice && <p className={notice.ok ? 'alert alert-ok' : 'alert alert-error'}>{notice.text}</p>}
      </div>
      {list.canManage && (
        <ActionForm action={add} successMessage={lastAdded ? t('added', { name: lastAdded }) : undefined} resetOnSuccess aria-label={t('addLabel')}>
          <div className="row" style={{ alignItems: 'flex-end', flexWrap: 'wrap', gap: 8 }}>
            <div className="field" style={{ flex: '1 1 200px', minWidth: 0 }}>
              <label htmlFor={inputId}>{t('personLabel')}</label>
              <input id={inputId} name="person" type="text" required maxLength={200} autoComplete="off" aria-describedby={hintId} />
              <p id={hintId} className="hint small muted" style={{ margin: 0 }}>
                {t('personHint')}
              </p>
            </div>
            <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
          </div>
        </ActionForm>
      )}
    </section>
  );
}
