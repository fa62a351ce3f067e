/** Plain data the live editor receives from the page (never a server module). */

export type LiveAccess = 'edit' | 'read';

/** Who is typing: name and colour come from the server (the collab server rewrites them anyway). */
export type EditorUser = { id: string; name: string; color: string };

export type TitleMatch = { id: string; title: string; spaceName: string };

export type StubResult = { ok: true; data: { id: string; title: string; spaceName: string } } | { ok: false; error: { message: string } } | null;

/** Server actions bound by the page. */
export type EditorActions = {
  /** Readable pages whose title matches (the `[[` suggestion). */
  searchTitles: (q: string) => Promise<TitleMatch[]>;
  /** Creates a draft stub page titled `title` in the current space (the "Créer « … »" item). */
  createStub: (title: string) => Promise<StubResult>;
  /** Current titles of link targets; null for a page the viewer cannot read. */
  resolveTitles: (ids: string[]) => Promise<Record<string, string | null>>;
};

/** Why the server closed the connection for good (the editor stops reconnecting). */
export type CloseReason = 'unauthenticated' | 'forbidden' | 'readOnlyNow' | 'notFound' | 'wrongOrigin' | 'limit' | 'tooLarge' | 'invalidDocument';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export type Presence = { key: string; name: string; color: string; isSelf: boolean };
