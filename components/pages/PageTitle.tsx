'use client';
/**
 * A page's title, edited where it stands (no form): click it (or « Renommer la page »), type,
 * Enter or leaving the field saves, Escape puts the title back as it was. The heading stays
 * a heading while it is edited (the field is inside it), and takes the focus when a person
 * arrives on the page (tabIndex -1).
 */
import { useRef, useState, useTransition, type Ref } from 'react';
import { useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';
import type { FormResult } from '@/components/ui/ActionForm';

type Props = {
  ref?: Ref<HTMLHeadingElement>;
  title: string;
  canEdit: boolean;
  rename: (title: string) => Promise<FormResult>;
  onRenamed: () => void;
};

export function PageTitle({ ref, title, canEdit, rename, onRenamed }: Props) {
  const t = useTranslations('pages');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Escape and Enter end the editing themselves: the blur that follows must not save again.
  const settled = useRef(false);

  const edit = () => {
    if (!canEdit || editing) return;
    settled.current = false;
    setDraft(title);
    setError(null);
    setEditing(true);
  };
  const stop = (refocus: boolean) => {
    settled.current = true;
    setEditing(false);
    if (refocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const save = (refocus: boolean) => {
    const next = draft.trim();
    if (!next || next === title) return stop(refocus);
    settled.current = true;
    start(async () => {
      const r = await rename(next);
      if (r && !r.ok) {
        settled.current = false;
        setError(r.error.message);
        inputRef.current?.focus();
        return;
      }
      stop(refocus);
      onRenamed();
    });
  };

  return (
    <div className="page-title-row">
      <h1 ref={ref} tabIndex={-1} className={`page-title${canEdit ? ' is-editable' : ''}`} onClick={editing ? undefined : edit}>
        {editing ? (
          <input
            ref={inputRef}
            className="page-title-input"
            aria-label={t('titleField')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'page-title-error' : undefined}
            value={draft}
            maxLength={200}
            disabled={pending}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                save(true);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                stop(true);
              }
            }}
            onBlur={() => {
              if (!settled.current) save(false);
            }}
          />
        ) : pending ? (
          draft.trim()
        ) : (
          title
        )}
      </h1>
      {canEdit && !editing && (
        <button ref={buttonRef} type="button" className="btn btn-small btn-ghost page-title-edit" aria-label={t('rename')} title={t('rename')} onClick={edit}>
          <Icon name="pencil" size={16} />
        </button>
      )}
      {error && (
        <p id="page-title-error" className="alert alert-error page-title-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
