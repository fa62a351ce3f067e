import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { ActionForm, SubmitButton } from '@/components/ui/ActionForm';
import { EmailSignInForm } from '@/components/ui/EmailSignInForm';
import { getViewer } from '@/server/auth/current';
import { acceptanceRoute, readMemberInvitation } from '@/server/membership/member-invitations';
import { displayNameOf } from '@/server/users/display-name';
import { sendSignInLinkAction } from '@/app/connexion/actions';
import { acceptInvitationAction, signOutForInvitationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  // The token is a credential: no referrer carries it away from here.
  return { title: (await getTranslations('membership.adhesion'))('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

type Params = Promise<{ token: string }>;

/**
 * The link of an invitation by e-mail: shows the space, who invites and their word, and the one
 * thing to do from where the person stands (accept; sign in first; sign out of another account),
 * or why the link no longer works (expired, revoked, replaced by a newer one, already accepted).
 */
export default async function AdhesionPage({ params }: { params: Params }) {
  const { token } = await params;
  const t = await getTranslations('membership.adhesion');
  const format = await getFormatter();
  const view = readMemberInvitation(token);
  const viewer = await getViewer();
  const inv = view.invitation;
  const brand = (
    <p className="brand" style={{ justifyContent: 'center', marginBottom: 24 }}>
      <span className="brand-mark" aria-hidden>
        C
      </span>
      Coopol
    </p>
  );
  if (view.state !== 'valid' || !inv) {
    const joined = view.state === 'accepted' && inv && viewer && viewer.roles.has(inv.space.id);
    return (
      <main className="auth-wrap" id="main">
        {brand}
        <div className="card stack">
          <Icon name="mailX" size={40} style={{ display: 'block', margin: '0 auto', color: 'var(--muted)' }} />
          <h1>{t(`states.${view.state === 'valid' ? 'invalid' : view.state}.title`)}</h1>
          <p className={view.state === 'accepted' ? 'muted' : 'alert alert-error'} style={{ margin: 0 }}>
            {t(`states.${view.state === 'valid' ? 'invalid' : view.state}.body`)}
          </p>
          {joined ? (
            <Link className="btn btn-primary" href={`/espaces/${inv.space.id}`}>
              {t('goToSpace', { kind: inv.space.kind })}
            </Link>
          ) : (
            <Link href="/">{t('goHome')}</Link>
          )}
        </div>
      </main>
    );
  }

  const route = acceptanceRoute(viewer, inv.email);
  const kind = inv.space.kind;
  const inviter = inv.invitedBy ? displayNameOf(inv.invitedBy) : null;
  const groupNeedsMember = kind === 'group' && (route.kind === 'newAccount' || (route.kind === 'viewer' && viewer?.siteRole === 'citizen'));
  return (
    <main className="auth-wrap" id="main">
      {brand}
      <div className="card stack">
        <Icon name="users" size={36} style={{ display: 'block', margin: '0 auto', color: 'var(--muted)' }} />
        <div className="stack" style={{ gap: 8 }}>
          <h1 style={{ margin: 0 }}>{t('title', { kind, space: inv.space.name })}</h1>
          <p style={{ margin: 0 }}>{inviter ? t('invitedBy', { inviter, kind, space: inv.space.name }) : t('invitedByNobody', { kind, space: inv.space.name })}</p>
          {inv.space.description && (
            <p className="muted small" style={{ margin: 0 }}>
              {inv.space.description}
            </p>
          )}
        </div>
        {inv.message && (
          <figure style={{ margin: 0 }}>
            <figcaption className="small muted">{t('messageLabel')}</figcaption>
            <blockquote style={{ margin: '4px 0 0', padding: '8px 12px', borderLeft: '4px solid var(--border)', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{inv.message}</blockquote>
          </figure>
        )}
        <p className="small muted" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {t('sentTo', { email: inv.email, date: format.dateTime(inv.expiresAt, { dateStyle: 'long' }) })}
        </p>
        {groupNeedsMember ? (
          <p className="alert alert-error" style={{ margin: 0 }}>
            {t('membersOnly')}
          </p>
        ) : route.kind === 'otherAccount' ? (
          <>
            <p className="alert alert-error" style={{ margin: 0, overflowWrap: 'anywhere' }}>
              {t('otherAccount', { email: route.viewerEmail, invited: inv.email })}
            </p>
            <form action={signOutForInvitationAction.bind(null, token)}>
              <button type="submit" className="btn">
                {t('signOut')}
              </button>
            </form>
          </>
        ) : route.kind === 'signInFirst' ? (
          <>
            <p style={{ margin: 0 }}>{t('signInFirst')}</p>
            <EmailSignInForm action={sendSignInLinkAction} callbackUrl={`/adhesion/${token}`} submitLabel={t('signInSubmit')} />
          </>
        ) : (
          <>
            <p className="small" style={{ margin: 0 }}>
              {kind === 'group' ? t('whatGroup') : t('whatSection')}
            </p>
            {route.kind === 'newAccount' && (
              <p className="small muted" style={{ margin: 0 }}>
                {t('newAccount')}
              </p>
            )}
            <ActionForm action={acceptInvitationAction.bind(null, token)} aria-label={t('accept')}>
              <SubmitButton pendingLabel={t('accepting')}>{t('accept')}</SubmitButton>
            </ActionForm>
          </>
        )}
      </div>
    </main>
  );
}
