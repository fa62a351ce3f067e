'use client';
/**
 * The live editor of a page: tiptap bound to the page's Yjs document (Collaboration), others'
 * carets, presence and connection status; for editors a toolbar, a `/` menu, `[[` wiki links
 * and image upload. Readers get the same live text, read-only, without a caret of their own.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import type { AnyExtension } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { BODY_FRAGMENT, editorExtensions } from '@/lib/editor/extensions';
import { WIKI_LINK } from '@/lib/editor/wiki-link';
import { LineNumbers, type LineNumberInput } from '@/lib/editor/line-numbers';
import { renderCaret, renderSelection } from './caret-render';
import { CloseNotice, PresenceAvatars, StatusChip } from './EditorStatus';
import { IMAGE_ACCEPT, ImageUpload, insertImages, type UploadError } from './image-upload';
import { EditorKeys } from './editor-keys';
import { LinkPopover } from './LinkPopover';
import { ReadOnlyCarets } from './read-only-carets';
import { SlashMenu } from './slash-menu';
import { TitleResolver } from './title-resolver';
import { Toolbar } from './Toolbar';
import { useCollab, type Collab } from './use-collab';
import { WikiLinkSuggestion } from './wiki-link-suggestion';
import { WikiLinkView } from './wiki-link-view';
import type { EditorActions, EditorUser, LiveAccess } from './types';

export type LiveEditorProps = {
  pageId: string;
  access: LiveAccess;
  user: EditorUser;
  actions: EditorActions;
  /** The body rendered on the server, shown until the live document is there. */
  initialHtml: string;
  /** Put the caret in the text once it is there (a page just created). */
  autoFocus?: boolean;
  /** More extensions for readers and writers alike (amendments drawn as suggestions); keep the array stable. */
  extraExtensions?: AnyExtension[];
  /** A motion's line numbers in the margin (lib/editor/line-numbers), as the server placed them; none when absent. */
  lineNumbers?: LineNumberInput[];
};

type Notice = { kind: 'busy' | 'error' | 'info'; text: string } | null;

const TITLE_REFRESH_MS = 60_000;

export function LiveEditor({ pageId, access, user, actions, initialHtml, autoFocus, extraExtensions, lineNumbers }: LiveEditorProps) {
  const t = useTranslations('editor');
  const { collab, status, closeReason, serverOrigin, hasPendingEdits, presence, loaded, linkTargetsChanged } = useCollab(pageId, user);
  const [resolver] = useState(() => new TitleResolver((ids) => actions.resolveTitles(ids)));
  const lostAccess = closeReason === 'forbidden' || closeReason === 'notFound';
  // May only read now: the text stays on screen, no longer editable, until the page is reopened.
  const shownAccess = closeReason === 'readOnlyNow' ? 'read' : access;

  // A linked page was renamed, hidden or shown through Coopol: the server says so at once.
  useEffect(() => {
    if (linkTargetsChanged > 0) resolver.refresh();
  }, [linkTargetsChanged, resolver]);

  // Changes the server cannot announce (another process, a membership that changes what this
  // person may read): titles are asked again when the tab comes back, and every minute while it
  // is shown (no request when the page links to nothing).
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && resolver.refresh();
    document.addEventListener('visibilitychange', onVisible);
    const every = setInterval(onVisible, TITLE_REFRESH_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(every);
    };
  }, [resolver]);

  const returnTo = `/pages/${pageId}`;
  return (
    <section className="live-editor" aria-label={t('editorLabel')}>
      <div className="editor-bar">
        <StatusChip status={status} hasPendingEdits={hasPendingEdits} />
        <PresenceAvatars people={presence} />
      </div>
      {access === 'read' && !closeReason && (
        <p className="alert alert-info read-only-notice">
          <strong>{t('readOnly')}</strong> — {t('readOnlyHint')}
        </p>
      )}
      {closeReason && <CloseNotice reason={closeReason} serverOrigin={serverOrigin} signInHref={`/connexion?${new URLSearchParams({ callbackUrl: returnTo, reason: 'expired' })}`} />}
      {collab && !lostAccess ? (
        <EditorBody key={`${pageId}-${shownAccess}`} collab={collab} pageId={pageId} access={shownAccess} user={user} actions={actions} resolver={resolver} loaded={loaded} initialHtml={initialHtml} autoFocus={autoFocus} extraExtensions={extraExtensions} lineNumbers={lineNumbers} />
      ) : (
        !lostAccess && <StaticBody html={initialHtml} />
      )}
    </section>
  );
}

const TABBABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The first element Tab would reach after everything inside `el`. */
function nextTabbable(el: HTMLElement): HTMLElement | null {
  const all = Array.from(document.querySelectorAll<HTMLElement>(TABBABLE));
  return all.find((c) => c.tabIndex >= 0 && !el.contains(c) && el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING && c.getClientRects().length > 0) ?? null;
}

function StaticBody({ html }: { html: string }) {
  const t = useTranslations('editor');
  return (
    <div className="card editor-card" aria-busy="true">
      <p className="visually-hidden">{t('loading')}</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

type BodyProps = Omit<LiveEditorProps, 'initialHtml'> & { collab: Collab; resolver: TitleResolver; loaded: boolean; initialHtml: string };

function EditorBody({ collab, pageId, access, user, actions, resolver, loaded, initialHtml, autoFocus, extraExtensions, lineNumbers }: BodyProps) {
  const t = useTranslations('editor');
  const [notice, setNotice] = useState<Notice>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const frameId = useId();
  const fileInputId = useId();
  const pickImage = () => document.getElementById(fileInputId)?.click();
  const canEdit = access === 'edit';

  const uploadOptions = {
    pageId,
    onBusy: (busy: boolean) => setNotice((n) => (busy ? { kind: 'busy', text: t('uploading') } : n?.kind === 'busy' ? null : n)),
    onError: (e: UploadError) => setNotice({ kind: 'error', text: t(`uploadError.${e}`) }),
  };

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: canEdit,
      extensions: buildExtensions(),
      editorProps: {
        attributes: { class: 'prose editor-content', 'aria-label': t('editorLabel'), 'aria-multiline': 'true', role: 'textbox', 'aria-readonly': String(!canEdit) },
      },
    },
    [collab, canEdit],
  );

  function buildExtensions(): AnyExtension[] {
    const schema = editorExtensions().filter((e) => e.name !== WIKI_LINK);
    const shared = [
      ...schema,
      WikiLinkView.configure({ resolver, privateLabel: t('privatePage'), openHint: canEdit ? t('openLinkHint') : '' }),
      Collaboration.configure({ document: collab.ydoc, field: BODY_FRAGMENT }),
      ...(extraExtensions ?? []),
      LineNumbers.configure({ lines: lineNumbers ?? [] }),
    ];
    if (!canEdit) return [...shared, ReadOnlyCarets.configure({ awareness: collab.provider.awareness })];
    return [
      ...shared,
      CollaborationCaret.configure({ provider: collab.provider, user, render: renderCaret, selectionRender: renderSelection }),
      Placeholder.configure({ placeholder: t('placeholder') }),
      SlashMenu.configure({
        label: (id) => t(`blocks.${id}`),
        emptyLabel: t('slashEmpty'),
        listLabel: t('slashMenu'),
        pickImage,
      }),
      WikiLinkSuggestion.configure({
        actions,
        resolver,
        createLabel: (title) => t('createPage', { title }),
        emptyLabel: t('linkEmpty'),
        listLabel: t('linkMenu'),
        onError: (message) => setNotice({ kind: 'error', text: message || t('createFailed') }),
        onCreated: ({ title, spaceName }) => setNotice({ kind: 'info', text: t('stubCreated', { title, space: spaceName }) }),
      }),
      ImageUpload.configure(uploadOptions),
      // Escape hands the keyboard back to the page (Tab then moves on).
      EditorKeys.configure({ onEscape: () => document.getElementById(frameId)?.focus() }),
    ];
  }

  // From the frame (after Escape), Tab goes to what follows the editor, not back into the text
  // the frame holds; Shift+Tab goes back to the toolbar as it would anyway.
  const tabPastText = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || e.shiftKey || e.target !== e.currentTarget) return;
    // Nothing after the editor: on round to the top of the page, as the browser would.
    const next = nextTabbable(e.currentTarget) ?? document.querySelector<HTMLElement>(TABBABLE);
    if (!next) return;
    e.preventDefault();
    next.focus();
  };

  // New numbers from the server (a new render, a new stage) replace the drawn ones (pages without any dispatch nothing).
  useEffect(() => {
    if (editor && !editor.isDestroyed && lineNumbers) editor.commands.setLineNumbers(lineNumbers);
  }, [editor, lineNumbers]);

  // A page just created: the writer lands in its text, at the start.
  const ready = editor && loaded;
  useEffect(() => {
    if (ready && autoFocus) editor.commands.focus('start');
  }, [ready, autoFocus, editor]);

  const onFiles = (files: FileList | null) => {
    const list = Array.from(files ?? []);
    if (editor && list.length) void insertImages(editor.view, list, editor.state.selection.to, uploadOptions);
  };

  return (
    <div className="editor-shell">
      {canEdit && editor && <Toolbar editor={editor} onLink={() => setLinkOpen(true)} onPickImage={pickImage} />}
      {canEdit && editor && linkOpen && <LinkPopover editor={editor} onClose={() => setLinkOpen(false)} />}
      {canEdit && <input
          id={fileInputId}
          type="file"
          accept={IMAGE_ACCEPT}
          multiple
          hidden
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = '';
          }}
        />}
      {notice && (
        <p className={`alert ${notice.kind === 'error' ? 'alert-error' : 'alert-info'} editor-notice`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          {notice.kind !== 'busy' && (
            <button type="button" className="btn-link" aria-label={t('linkClose')} onClick={() => setNotice(null)}>
              ×
            </button>
          )}
        </p>
      )}
      {!ready && <StaticBody html={initialHtml} />}
      {/* Focused by Escape from the text (tabIndex -1): Tab goes on from here, past the text. */}
      <div id={frameId} className="card editor-card" hidden={!ready} data-user-color={user.color} tabIndex={-1} onKeyDown={tabPastText}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
