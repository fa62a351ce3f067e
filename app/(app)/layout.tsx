import { AppShell } from '@/components/shell/AppShell';
import { getMyProfile, getMySpaces, getViewer } from '@/server/auth/current';
import { siteAbilities } from '@/server/policy';
import { movePageAction, setLocaleAction, sidebarTreeAction, signOutAction } from './shell-actions';

/** The shell shows who is signed in and their spaces; access itself is checked by each page. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const me = viewer ? getMyProfile(viewer.id) : null;
  const spaces = viewer ? getMySpaces(viewer.id).map((s) => ({ id: s.id, name: s.name, kind: s.kind })) : [];
  return (
    <AppShell
      me={me ? { name: me.name ?? me.email ?? '', abilities: siteAbilities(viewer) } : null}
      spaces={spaces}
      signOut={signOutAction}
      setLocale={setLocaleAction}
      loadTree={sidebarTreeAction}
      movePage={movePageAction}
    >
      {children}
    </AppShell>
  );
}
