'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, type FormResult } from '@/components/ui/ActionForm';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Role = 'member' | 'secretary' | 'admin';
/** `email` is null for those who do not manage the space; `displayName` is never an address. */
type Member = { userId: string; displayName: string; email: string | null; role: Role; since: Date };
/** The last pages of this space where a member's text is, that the viewer may read (server/membership/member-queries). */
type Recent = { pageId: string; title: string; at: Date }[];

type Props = {
  members: Member[];
  /** By member: what they recently wrote here (absent: the column is not shown). */
  recent?: Record<string, Recent>;
  canManage: boolean;
  animatorRole: 'secretary' | 'admin';
  addAction: (prev: unknown, form: FormData) => Promise<FormResult>;
  removeAction: (userId: string) => Promise<FormResult>;
  setRoleAction: (userId: string, role: Role) => Promise<FormResult>;
  total: number;
  /** The search over the list (components/spaces/MemberFilter), shown above it; it then says how many match. */
  filter?: React.ReactNode;
};

export function MemberManager({ members, recent, canManage, animatorRole, addAction, removeAction, setRoleAction, total, filter }: Props) {
  const t = useTranslations('spaces');
  const tm = useTranslations('membership.members');
  const tc = useTranslations('common');
  const format = useFormatter();
  // A group's animator invites (the person accepts or declines); a territory's secretary adds.
  const invites = animatorRole === 'admin';
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<FormResult>) =>
    start(async () => {
      const r = await fn();
      setError(r && !r.ok ? r.error.message : null);
    });
  return (
    <div className="stack">
      {canManage && (
        <ActionForm
          action={addAction}
          successMessage={invites ? t('memberInvited') : t('memberAdded')}
          resetOnSuccess
          aria-label={invites ? t('inviteMember') : t('addMember')}
          fieldLabels={{ email: t('memberEmail') }}
          invalidFieldMessage={tc.raw('invalidField') as string}
        >
          <h3 style={{ margin: 0 }}>{invites ? t('inviteMember') : t('addMember')}</h3>
          <div className="row" style={{ alignItems: 'flex-end' }}>
            <div className="field" style={{ flex: '1 1 220px' }}>
              <label htmlFor="member-email">{t('memberEmail')}</label>
              <input id="member-email" name="email" type="email" required autoComplete="off" />
            </div>
            <div className="field" style={{ flex: '0 1 180px' }}>
              <label htmlFor="member-role">{t('roleLabel')}</label>
              <select id="member-role" name="role" defaultValue="member">
                <option value="member">{tc('role.member')}</option>
                <option value={animatorRole}>{tc(`role.${animatorRole}`)}</option>
              </select>
            </div>
            <SubmitButton pendingLabel={invites ? t('inviting') : t('adding')}>{invites ? t('invite') : t('add')}</SubmitButton>
          </div>
          <p className="hint small muted" style={{ margin: 0 }}>
            {invites ? t('inviteMemberHint') : t('addMemberHint')}
          </p>
        </ActionForm>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {filter ?? (
        <p className="small muted" style={{ margin: 0 }}>
          {t('memberCount', { count: total })}
        </p>
      )}
      {members.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {canManage ? tm('emptyManager') : tm('empty')}
        </p>
      ) : (
      <table className="table table-responsive">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('roleLabel')}</th>
            <th scope="col">{t('since')}</th>
            {recent && <th scope="col">{tm('recent')}</th>}
            {canManage && <th scope="col"><span className="visually-hidden">{t('actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>
                <strong>{m.displayName}</strong>
                {canManage && m.email && <div className="small muted">{m.email}</div>}
              </td>
              <td>
                {canManage ? (
                  <select
                    style={{ minWidth: '9.5rem' }}
                    aria-label={t('roleOf', { name: m.displayName })}
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => run(() => setRoleAction(m.userId, e.target.value as Role))}
                  >
                    <option value="member">{tc('role.member')}</option>
                    <option value={animatorRole}>{tc(`role.${animatorRole}`)}</option>
                  </select>
                ) : (
                  tc(`role.${m.role}`)
                )}
              </td>
              <td className="small muted">{tm('since', { date: format.dateTime(m.since, { dateStyle: 'medium' }) })}</td>
              {recent && (
                <td className="small">
                  {(recent[m.userId] ?? []).length === 0 ? (
                    <span className="muted">{tm('nothingRecent')}</span>
                  ) : (
                    <ul aria-label={`${tm('recent')} : ${m.displayName}`} style={{ margin: 0, paddingLeft: 18 }}>
                      {recent[m.userId]!.map((w) => (
                        <li key={w.pageId}>
                          <Link href={`/pages/${w.pageId}`}>{w.title}</Link>
                          <span className="muted">, {format.dateTime(w.at, { dateStyle: 'medium' })}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              )}
              {canManage && (
                <td>
                  <ConfirmButton
                    className="btn btn-danger btn-small"
                    label={t('removeShort')}
                    ariaLabel={t('remove', { name: m.displayName })}
                    title={t('removeTitle')}
                    body={t('removeBody', { name: m.displayName })}
                    confirmLabel={t('removeConfirm')}
                    cancelLabel={tc('cancel')}
                    onConfirm={() => run(() => removeAction(m.userId))}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </div>
  );
}
