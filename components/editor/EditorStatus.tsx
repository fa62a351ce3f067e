'use client';
/** The connection chip and the avatars of who is on the page now (one per person). */
import { useTranslations } from 'next-intl';
import type { CloseReason, ConnectionStatus, Presence } from './types';

const MAX_AVATARS = 5;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [...(parts[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

export function StatusChip({ status, hasPendingEdits }: { status: ConnectionStatus; hasPendingEdits: boolean }) {
  const t = useTranslations('editor');
  return (
    <p className={`status-chip status-${status}`} role="status">
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{t(`status.${status}`)}</span>
      {hasPendingEdits && status !== 'connected' && <span className="status-pending"> — {t('pendingLocal')}</span>}
    </p>
  );
}

export function PresenceAvatars({ people }: { people: Presence[] }) {
  const t = useTranslations('editor');
  const shown = people.slice(0, MAX_AVATARS);
  const hidden = people.slice(MAX_AVATARS);
  return (
    <ul className="presence" aria-label={t('presence')}>
      {shown.map((p) => {
        const label = p.isSelf ? t('you', { name: p.name }) : p.name;
        return (
          <li key={p.key} className="presence-avatar" style={{ backgroundColor: p.color }} title={label}>
            <span aria-hidden="true">{initials(p.name)}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li className="presence-avatar presence-more" title={hidden.map((p) => p.name).join(', ')}>
          <span aria-hidden="true">{t('more', { count: hidden.length })}</span>
          <span className="visually-hidden">{hidden.map((p) => p.name).join(', ')}</span>
        </li>
      )}
    </ul>
  );
}

export function CloseNotice({ reason, signInHref, serverOrigin = null }: { reason: CloseReason; signInHref: string; serverOrigin?: string | null }) {
  const t = useTranslations('editor');
  if (reason === 'wrongOrigin') {
    // This page at the address the server knows itself by (the cookie of this one is not taken there).
    const there = `${serverOrigin ?? ''}${window.location.pathname}${window.location.search}`;
    return (
      <div className="alert alert-warn editor-closed" role="alert">
        <p>{t.rich('closed.wrongOrigin', { origin: serverOrigin ?? '?', url: there, link: (chunks) => <a href={there}>{chunks}</a> })}</p>
      </div>
    );
  }
  return (
    <div className={`alert ${reason === 'limit' || reason === 'readOnlyNow' ? 'alert-warn' : 'alert-error'} editor-closed`} role="alert">
      <p>{t(`closed.${reason}`)}</p>
      {reason === 'unauthenticated' && (
        <a className="btn" href={signInHref}>
          {t('signInAgain')}
        </a>
      )}
      {(reason === 'limit' || reason === 'tooLarge' || reason === 'invalidDocument' || reason === 'readOnlyNow') && (
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {reason === 'limit' ? t('retry') : t('reload')}
        </button>
      )}
    </div>
  );
}
