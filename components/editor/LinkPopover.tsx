'use client';
/**
 * The link field of the editor (the toolbar's « Lien »): a small box under the
 * selection with the address, Enter applies it, Escape closes it and gives the text its focus
 * back, « Retirer le lien » removes the link the caret is in. It replaces `window.prompt()`,
 * which phones show as a blocking page-wide box.
 */
import type { Editor } from '@tiptap/core';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i;
const WIDTH = 320;

type Props = { editor: Editor; onClose: () => void };

/** Where the box goes: under the selection, inside the editor's frame and the screen. */
function placement(editor: Editor, frame: HTMLElement): { top: number; left: number } {
  const box = frame.getBoundingClientRect();
  const at = editor.view.coordsAtPos(editor.state.selection.from);
  const width = Math.min(WIDTH, box.width);
  return { top: at.bottom - box.top + 6, left: Math.max(0, Math.min(at.left - box.left, box.width - width)) };
}

export function LinkPopover({ editor, onClose }: Props) {
  const t = useTranslations('editor');
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [invalid, setInvalid] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const hasLink = editor.isActive('link');

  useLayoutEffect(() => {
    const frame = ref.current?.offsetParent as HTMLElement | null;
    if (frame) setPosition(placement(editor, frame));
  }, [editor]);
  // Focus once placed (a hidden field cannot take it).
  useEffect(() => {
    if (position) inputRef.current?.focus();
  }, [position]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const value = href.trim();
    if (!value) return remove();
    if (!SAFE_HREF.test(value)) return setInvalid(true);
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    else chain.setLink({ href: value }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <div
      ref={ref}
      className="link-popover"
      role="dialog"
      aria-label={t('linkDialog')}
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <form
        className="link-popover-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label htmlFor={`${id}-href`} className="visually-hidden">
          {t('linkField')}
        </label>
        <input
          ref={inputRef}
          id={`${id}-href`}
          type="text"
          inputMode="url"
          value={href}
          placeholder="https://"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setInvalid(false);
          }}
        />
        <button type="submit" className="btn btn-small btn-primary">
          {t('linkApply')}
        </button>
        {hasLink && (
          <button type="button" className="btn btn-small" onClick={remove}>
            {t('linkRemove')}
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={close} aria-label={t('linkClose')}>
          ×
        </button>
      </form>
      {invalid && (
        <p id={`${id}-error`} className="small link-popover-error" role="alert">
          {t('linkInvalid')}
        </p>
      )}
    </div>
  );
}
