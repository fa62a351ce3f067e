'use client';
/**
 * The header's search: a button (and Ctrl/Cmd+K) opens a dialog; results come as you type from
 * `GET /api/v1/search` (the session cookie decides what may be found); ↑/↓ choose, Enter opens,
 * Escape closes. Snippets are HTML made by the server: escaped text with matches in `<mark>`.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { flushSync } from 'react-dom';
import { Icon } from '@/components/ui/Icon';

type Hit = { id: string; title: string; snippet: string };
const DEBOUNCE_MS = 180;

export function SearchDialog() {
  const t = useTranslations('search');
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const listId = useId();

  // The dialog's content exists from its first opening on: every page would render it, hidden, for nothing.
  const [used, setUsed] = useState(false);
  const open = useCallback(() => {
    flushSync(() => setUsed(true));
    dialog.current?.showModal();
    input.current?.select();
  }, []);
  const close = () => dialog.current?.close();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => {
    if (!q.trim()) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setState('loading');
      try {
        const res = await fetch(`/api/v1/search?${new URLSearchParams({ q, limit: '8' })}`, { signal: ctrl.signal, credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { data: Hit[] };
        setHits(body.data);
        setActive(0);
        setState('idle');
      } catch (e) {
        if (!ctrl.signal.aborted) setState('error');
        void e;
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const go = (href: string) => {
    close();
    router.push(href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits?.[active];
      if (hit) go(`/pages/${hit.id}`);
      else if (q.trim()) go(`/recherche?${new URLSearchParams({ q })}`);
    }
  };

  return (
    <>
      <button type="button" className="btn btn-ghost btn-small search-open" onClick={open} aria-keyshortcuts="Control+K Meta+K">
        <Icon name="search" size={16} />
        <span className="search-open-label">{t('open')}</span>
        <kbd className="search-kbd" aria-hidden>
          {t('shortcut')}
        </kbd>
      </button>
      <dialog ref={dialog} className="search-dialog" aria-label={t('dialogTitle')} onClick={(e) => e.target === dialog.current && close()}>
        {used && (
        <>
        <div className="search-field">
          <Icon name="search" size={18} />
          <input
            ref={input}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              if (!e.target.value.trim()) {
                setHits(null);
                setState('idle');
              }
            }}
            onKeyDown={onKeyDown}
            placeholder={t('placeholder')}
            aria-label={t('label')}
            role="combobox"
            aria-expanded={Boolean(hits?.length)}
            aria-controls={listId}
            aria-activedescendant={hits?.length ? `${listId}-${active}` : undefined}
            autoComplete="off"
          />
          <button type="button" className="btn btn-ghost btn-small" onClick={close}>
            {t('close')}
          </button>
        </div>
        <div aria-live="polite" className="small muted search-status">
          {state === 'loading' && t('searching')}
          {state === 'error' && t('error')}
          {state === 'idle' && hits?.length === 0 && t('noResults', { q: q.trim() })}
        </div>
        <ul id={listId} role="listbox" className="search-results">
          {hits?.map((h, i) => (
            <li key={h.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className="search-hit" onMouseEnter={() => setActive(i)} onClick={() => go(`/pages/${h.id}`)}>
              <span className="search-hit-title">{h.title}</span>
              {h.snippet && <span className="search-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />}
            </li>
          ))}
        </ul>
        {q.trim() && (
          <p className="small search-all">
            <a href={`/recherche?${new URLSearchParams({ q })}`} onClick={(e) => (e.preventDefault(), go(`/recherche?${new URLSearchParams({ q })}`))}>
              {t('allResults')}
            </a>
          </p>
        )}
        <p className="small muted search-hint">{t('hint')}</p>
        </>
        )}
      </dialog>
    </>
  );
}
