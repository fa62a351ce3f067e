'use client';
import Link from 'next/link';
import { SignInLink } from '@/components/ui/SignInLink';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { SearchDialog } from '@/components/search/SearchDialog';
import { Icon } from '@/components/ui/Icon';
import { PageTree, type MoveResult, type TreeNodeData } from './PageTree';
import './shell.css';

type SpaceLink = { id: string; name: string; kind: 'national' | 'federation' | 'section' | 'group' };
type SidebarTree = { spaceId: string; spaceName: string; currentPageId: string | null; nodes: TreeNodeData[] };
type Props = {
  /** `abilities`: the policy's, for the signed-in person (`readsLiveText`: the sidebar's page tree is theirs). */
  me: { name: string; abilities: { manageSite: boolean; joinGroups: boolean; createInvitation: boolean; readsLiveText: boolean } } | null;
  spaces: SpaceLink[];
  signOut: () => Promise<void>;
  setLocale: (l: 'fr' | 'en') => Promise<void>;
  /** The tree of the space a path belongs to (party members; null elsewhere). */
  loadTree: (pathname: string) => Promise<SidebarTree | null>;
  movePage: (pageId: string, parentId: string | null, afterId: string | null) => Promise<MoveResult>;
  children: React.ReactNode;
};

const KIND_ICON = { national: 'landmark', federation: 'mapPin', section: 'mapPin', group: 'users' } as const;
/** Below this width the sidebar is a drawer over the page; above, a column the ☰ folds away. */
const NARROW = '(max-width: 800px)';
const FOLDED_KEY = 'coopol.sidebarFolded';

/**
 * A click on a link marked `<a data-nav>` (the shell's own, page lists, event lists, breadcrumbs)
 * navigates inside the app like next/link, which costs a client component per link to render
 * (and prefetched every link of the shell on every page).
 * A new tab or window, a download or another site stays the browser's.
 */
function navigateInApp(e: React.MouseEvent, push: (href: string) => void): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-nav]');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== window.location.origin) return;
  e.preventDefault();
  push(a.pathname + a.search + a.hash);
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';
}

/** Whether the person folded the sidebar away on a wide screen (kept in this browser). */
function useFoldedSidebar(): [boolean, (folded: boolean) => void] {
  const subscribe = useCallback((done: () => void) => {
    window.addEventListener('storage', done);
    window.addEventListener(FOLDED_KEY, done);
    return () => {
      window.removeEventListener('storage', done);
      window.removeEventListener(FOLDED_KEY, done);
    };
  }, []);
  const folded = useSyncExternalStore(subscribe, () => window.localStorage.getItem(FOLDED_KEY) === '1', () => false);
  const setFolded = useCallback((f: boolean) => {
    window.localStorage.setItem(FOLDED_KEY, f ? '1' : '0');
    window.dispatchEvent(new Event(FOLDED_KEY));
  }, []);
  return [folded, setFolded];
}

function useNarrow(): boolean {
  const subscribe = useCallback((done: () => void) => {
    const mq = window.matchMedia(NARROW);
    mq.addEventListener('change', done);
    return () => mq.removeEventListener('change', done);
  }, []);
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
}

export function AppShell({ me, spaces, signOut, setLocale, loadTree, movePage, children }: Props) {
  const t = useTranslations('common');
  const locale = useLocale();
  const path = usePathname();
  const router = useRouter();
  const narrow = useNarrow();
  // On a phone the sidebar is a drawer, closed until asked for; on a wide screen a column, open
  // unless the person folded it away (remembered in this browser).
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [folded, setFolded] = useFoldedSidebar();
  const expanded = narrow ? drawerOpen : !folded;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const [tree, setTree] = useState<SidebarTree | null>(null);
  const [, start] = useTransition();
  const showsTree = Boolean(me?.abilities.readsLiveText);

  // A new screen closes the drawer, and brings the tree of its space.
  const [shownPath, setShownPath] = useState(path);
  if (shownPath !== path) {
    setShownPath(path);
    setDrawerOpen(false);
  }
  useEffect(() => {
    if (!showsTree) return;
    let live = true;
    loadTree(path).then(
      (r) => live && setTree(r),
      () => live && setTree(null),
    );
    return () => {
      live = false;
    };
  }, [path, showsTree, loadTree]);
  // The drawer takes the focus when it opens, and gives it back to the ☰ when Esc closes it.
  useEffect(() => {
    if (!narrow || !drawerOpen) return;
    navRef.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setDrawerOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen]);

  const toggle = () => {
    if (narrow) setDrawerOpen((o) => !o);
    else setFolded(!folded);
  };
  const drawer = narrow && drawerOpen;
  const territories = spaces.filter((s) => s.kind !== 'group');
  const groups = spaces.filter((s) => s.kind === 'group');
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <>
      <header className="topbar" onClick={(e) => navigateInApp(e, router.push)}>
        <button ref={toggleRef} type="button" className="btn btn-ghost nav-toggle" aria-expanded={expanded} aria-controls="sidebar" onClick={toggle}>
          <Icon name="menu" size={20} />
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
          <Icon name="languages" size={16} />
          <span className="lang-label">{locale === 'fr' ? 'English' : 'Français'}</span>
        </button>
        {me ? (
          <details className="menu" onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
            <summary className="btn btn-ghost btn-small">
              <span className="avatar" aria-hidden>
                {initials(me.name)}
              </span>
              <span className="visually-hidden">{t('accountMenu', { name: me.name })}</span>
            </summary>
            {/* Its entries exist once it opens: every page rendered them, hidden, for nothing. */}
            {menuOpen && (
            <div className="menu-panel">
              <p className="small muted" style={{ padding: '6px 10px', margin: 0 }}>
                {me.name}
              </p>
              <a data-nav href="/compte">
                <Icon name="userRound" size={16} /> {t('myAccount')}
              </a>
              {me.abilities.createInvitation && (
                <a data-nav href="/invitations">
                  <Icon name="mail" size={16} /> {t('invitations')}
                </a>
              )}
              {me.abilities.manageSite && (
                <a data-nav href="/admin">
                  <Icon name="shield" size={16} /> {t('admin')}
                </a>
              )}
              <form action={signOut}>
                <button type="submit">
                  <Icon name="logOut" size={16} /> {t('signOut')}
                </button>
              </form>
            </div>
            )}
          </details>
        ) : (
          <SignInLink className="btn btn-primary btn-small">{t('signIn')}</SignInLink>
        )}
      </header>
      <div className="shell" data-nav-open={drawer} data-nav-folded={!narrow && folded} onClick={(e) => navigateInApp(e, router.push)}>
        {drawer && <div className="sidebar-backdrop" aria-hidden onClick={() => setDrawerOpen(false)} />}
        <nav
          ref={navRef}
          className="sidebar"
          id="sidebar"
          aria-label={t('mainNav')}
          hidden={!expanded}
          onClick={(e) => {
            if ((e.target as HTMLElement).closest('a')) setDrawerOpen(false);
          }}
        >
          <ul>
            <li>
              <Link href="/" aria-current={current('/')}>
                <Icon name="house" size={18} /> {t('home')}
              </Link>
            </li>
            {me?.abilities.joinGroups && (
              <li>
                <a data-nav href="/groupes" aria-current={current('/groupes')}>
                  <Icon name="users" size={18} /> {t('groups')}
                </a>
              </li>
            )}
            {me && (
              <li>
                <a data-nav href="/evenements" aria-current={current('/evenements')}>
                  <Icon name="calendarDays" size={18} /> {t('myEvents')}
                </a>
              </li>
            )}
            <li>
              <a data-nav href="/public" aria-current={current('/public')}>
                <Icon name="globe" size={18} /> {t('publicTexts')}
              </a>
            </li>
          </ul>
          {territories.length > 0 && (
            <>
              <h2>{t('myTerritories')}</h2>
              <ul>
                {territories.map((s) => {
                  return (
                    <li key={s.id}>
                      <a data-nav href={`/espaces/${s.id}`} aria-current={current(`/espaces/${s.id}`)}>
                        <Icon name={KIND_ICON[s.kind]} size={18} /> {s.name}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {tree && (
            <div className="sidebar-tree">
              <h2>{t('treeOf', { space: tree.spaceName })}</h2>
              <PageTree
                key={tree.spaceId}
                spaceId={tree.spaceId}
                nodes={tree.nodes}
                currentPageId={tree.currentPageId}
                foldByDefault
                move={movePage}
                label={t('treeOf', { space: tree.spaceName })}
              />
            </div>
          )}
          {groups.length > 0 && (
            <>
              <h2>{t('myGroups')}</h2>
              <ul>
                {groups.map((s) => (
                  <li key={s.id}>
                    <a data-nav href={`/espaces/${s.id}`} aria-current={current(`/espaces/${s.id}`)}>
                      <Icon name="users" size={18} /> {s.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>
        <main className="main" id="main" inert={drawer || undefined}>
          {children}
        </main>
      </div>
    </>
  );
}
