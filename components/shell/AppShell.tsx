'use client';
import Link from 'next/link';
import { SignInLink } from '@/components/ui/SignInLink';
import { usePathname } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { SearchDialog } from '@/components/search/SearchDialog';
import { Menu, Home, Users, Landmark, MapPin, Globe, UserRound, LogOut, Mail, Shield, Languages } from 'lucide-react';

type SpaceLink = { id: string; name: string; kind: 'national' | 'federation' | 'section' | 'group' };
type Props = {
  me: { name: string; isAdmin: boolean; isPartyMember: boolean } | null;
  spaces: SpaceLink[];
  signOut: () => Promise<void>;
  setLocale: (l: 'fr' | 'en') => Promise<void>;
  children: React.ReactNode;
};

const KIND_ICON = { national: Landmark, federation: MapPin, section: MapPin, group: Users } as const;

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';
}

export function AppShell({ me, spaces, signOut, setLocale, children }: Props) {
  const t = useTranslations('common');
  const locale = useLocale();
  const path = usePathname();
  const [navOpen, setNavOpen] = useState(false);
  const [, start] = useTransition();
  const territories = spaces.filter((s) => s.kind !== 'group');
  const groups = spaces.filter((s) => s.kind === 'group');
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <>
      <header className="topbar">
        <button type="button" className="btn btn-ghost nav-toggle" aria-expanded={navOpen} aria-controls="sidebar" onClick={() => setNavOpen((o) => !o)}>
          <Menu size={20} aria-hidden />
          <span className="visually-hidden">{t('menu')}</span>
        </button>
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden>
            C
          </span>
          Coopol
        </Link>
        <span className="topbar-spacer" />
        <SearchDialog />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => start(() => setLocale(locale === 'fr' ? 'en' : 'fr'))}
          lang={locale === 'fr' ? 'en' : 'fr'}
          aria-label={t('switchLanguage')}
        >
          <Languages size={16} aria-hidden />
          <span className="lang-label">{locale === 'fr' ? 'English' : 'Français'}</span>
        </button>
        {me ? (
          <details className="menu">
            <summary className="btn btn-ghost btn-small">
              <span className="avatar" aria-hidden>
                {initials(me.name)}
              </span>
              <span className="visually-hidden">{t('accountMenu', { name: me.name })}</span>
            </summary>
            <div className="menu-panel">
              <p className="small muted" style={{ padding: '6px 10px', margin: 0 }}>
                {me.name}
              </p>
              <Link href="/compte">
                <UserRound size={16} aria-hidden /> {t('myAccount')}
              </Link>
              {me.isPartyMember && (
                <Link href="/invitations">
                  <Mail size={16} aria-hidden /> {t('invitations')}
                </Link>
              )}
              {me.isAdmin && (
                <Link href="/admin">
                  <Shield size={16} aria-hidden /> {t('admin')}
                </Link>
              )}
              <form action={signOut}>
                <button type="submit">
                  <LogOut size={16} aria-hidden /> {t('signOut')}
                </button>
              </form>
            </div>
          </details>
        ) : (
          <SignInLink className="btn btn-primary btn-small">{t('signIn')}</SignInLink>
        )}
      </header>
      <div className="shell" data-nav-open={navOpen}>
        <nav className="sidebar" id="sidebar" aria-label={t('mainNav')} onClick={() => setNavOpen(false)}>
          <ul>
            <li>
              <Link href="/" aria-current={current('/')}>
                <Home size={18} aria-hidden /> {t('home')}
              </Link>
            </li>
            {me?.isPartyMember && (
              <li>
                <Link href="/groupes" aria-current={current('/groupes')}>
                  <Users size={18} aria-hidden /> {t('groups')}
                </Link>
              </li>
            )}
            <li>
              <Link href="/public" aria-current={current('/public')}>
                <Globe size={18} aria-hidden /> {t('publicTexts')}
              </Link>
            </li>
          </ul>
          {territories.length > 0 && (
            <>
              <h2>{t('myTerritories')}</h2>
              <ul>
                {territories.map((s) => {
                  const Icon = KIND_ICON[s.kind];
                  return (
                    <li key={s.id}>
                      <Link href={`/espaces/${s.id}`} aria-current={current(`/espaces/${s.id}`)}>
                        <Icon size={18} aria-hidden /> {s.name}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {groups.length > 0 && (
            <>
              <h2>{t('myGroups')}</h2>
              <ul>
                {groups.map((s) => (
                  <li key={s.id}>
                    <Link href={`/espaces/${s.id}`} aria-current={current(`/espaces/${s.id}`)}>
                      <Users size={18} aria-hidden /> {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
        <main className="main" id="main">
          {children}
        </main>
      </div>
    </>
  );
}
