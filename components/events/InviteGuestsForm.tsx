'use client';
/**
 * Inviting to an event: the members of the event's section (or space), a group one belongs to,
 * or addresses pasted (one per line, or separated by commas), with their count, and a
 * confirmation before anything is sent.
 */
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { Result } from './RsvpBox';
import './participants.css';

export type InviteTarget = { id: string; name: string };
type Choice = 'space' | 'group' | 'addresses';

type Props = {
  /** The event's space, when the viewer may list its members. */
  space: InviteTarget | null;
  groups: InviteTarget[];
  invite: (input: { spaceId: string } | { emails: string }) => Promise<Result<{ invited: number; alreadyInvited: number }>>;
};

/** The addresses as the server will read them (split on spaces, commas, semicolons; case ignored). */
export function countAddresses(text: string): number {
  return new Set(
    text
      .split(/[\s,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  ).size;
}

export function InviteGuestsForm({ space, groups, invite }: Props) {
  const t = useTranslations('rsvp');
  const id = useId();
  const [choice, setChoice] = useState<Choice>(space ? 'space' : groups.length ? 'group' : 'addresses');
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [emails, setEmails] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const count = countAddresses(emails);
  const group = groups.find((g) => g.id === groupId);
  const target = choice === 'space' ? space : choice === 'group' ? group : null;
  const ready = choice === 'addresses' ? count > 0 : Boolean(target);

  const send = async () => {
    setMessage(null);
    const r = await invite(choice === 'addresses' ? { emails } : { spaceId: target!.id });
    if (!r) return;
    if (r.ok) {
      setMessage({ ok: true, text: `${t('invite.done', { invited: r.data.invited, already: r.data.alreadyInvited })} ${r.data.invited > 0 ? t('invite.sending') : ''}` });
      if (choice === 'addresses') setEmails('');
    } else setMessage({ ok: false, text: r.error.message, field: r.error.field });
  };

  return (
    <section className="card stack invite-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="rsvp-title">
        {t('invite.title')}
      </h2>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('invite.who')}</legend>
        {space && (
          <label className="invite-choice">
            <input type="radio" name={`${id}-who`} checked={choice === 'space'} onChange={() => setChoice('space')} />
            {t('invite.space', { name: space.name })}
          </label>
        )}
        {groups.length > 0 && (
          <label className="invite-choice">
            <input type="radio" name={`${id}-who`} checked={choice === 'group'} onChange={() => setChoice('group')} />
            {t('invite.group')}
          </label>
        )}
        <label className="invite-choice">
          <input type="radio" name={`${id}-who`} checked={choice === 'addresses'} onChange={() => setChoice('addresses')} />
          {t('invite.addresses')}
        </label>
      </fieldset>
      {choice === 'group' && (
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('invite.groupPick')}</label>
          <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {choice === 'addresses' && (
        <div className="field">
          <label htmlFor={`${id}-emails`}>{t('invite.addressesLabel')}</label>
          <textarea
            id={`${id}-emails`}
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
            aria-describedby={`${id}-hint ${id}-count`}
            aria-invalid={message?.field === 'emails' || undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <span id={`${id}-hint`} className="hint">
            {t('invite.addressesHint')}
          </span>
          <span id={`${id}-count`} className="small" aria-live="polite">
            {t('invite.count', { count })}
          </span>
        </div>
      )}
      <p role="status" aria-live="polite" className={message ? `alert ${message.ok ? 'alert-ok' : 'alert-error'} rsvp-line` : 'rsvp-status'}>
        {message?.text}
      </p>
      <div>
        {ready ? (
          <ConfirmButton
            className="btn btn-primary"
            label={t('invite.submit')}
            title={t('invite.confirmTitle')}
            body={choice === 'addresses' ? t('invite.confirmAddresses', { count }) : t('invite.confirmSpace', { name: target!.name })}
            confirmLabel={t('invite.confirm')}
            cancelLabel={t('invite.cancel')}
            onConfirm={send}
          />
        ) : (
          <button type="button" className="btn btn-primary" aria-disabled="true" disabled>
            {t('invite.submit')}
          </button>
        )}
      </div>
    </section>
  );
}
