'use client';
/**
 * The formatting toolbar (editors only): one tab stop, arrows move between buttons (the ARIA
 * toolbar pattern); toggles report their state with `aria-pressed`.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { Bold, Columns3, Italic, Link as LinkIcon, Redo2, Rows3, Trash2, Undo2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { BLOCKS, type BlockId } from './blocks';

type Props = { editor: Editor; onPickImage: () => void; onLink: () => void };

function ToolButton({ label, pressed, disabled, onClick, children }: { label: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tool-btn"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault() /* keep the editor's selection */}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function Toolbar({ editor, onPickImage, onLink }: Props) {
  const t = useTranslations('editor');
  const ref = useRef<HTMLDivElement>(null);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      active: Object.fromEntries(BLOCKS.map((b) => [b.id, b.isActive?.(e) ?? false])) as Record<BlockId, boolean>,
    }),
  });

  // Roving tab index: Tab enters the toolbar once (on the last button used), arrows move inside.
  const current = useRef(0);
  const buttons = () => Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
  const rove = (list: HTMLButtonElement[], index: number) => {
    current.current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach((b, j) => (b.tabIndex = j === current.current ? 0 : -1));
  };
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLButtonElement>('button:disabled').forEach((b) => (b.tabIndex = -1));
    rove(buttons(), current.current);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const list = buttons();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length;
    e.preventDefault();
    rove(list, next);
    list[current.current]?.focus();
  };
  const run = (fn: (c: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => fn(editor.chain().focus()).run();

  return (
    <div ref={ref} className="editor-toolbar" role="toolbar" aria-label={t('toolbar')} onKeyDown={onKeyDown}>
      {BLOCKS.filter((b) => b.id.startsWith('heading')).map((b) => (
        <ToolButton key={b.id} label={t(`blocks.${b.id}`)} pressed={s.active[b.id]} onClick={() => b.apply && run(b.apply)}>
          {b.icon}
        </ToolButton>
      ))}
      <span className="tool-sep" aria-hidden="true" />
      <ToolButton label={t('bold')} pressed={s.bold} onClick={() => run((c) => c.toggleBold())}>
        <Bold size={16} />
      </ToolButton>
      <ToolButton label={t('italic')} pressed={s.italic} onClick={() => run((c) => c.toggleItalic())}>
        <Italic size={16} />
      </ToolButton>
      <ToolButton label={t('link')} pressed={s.link} onClick={onLink}>
        <LinkIcon size={16} />
      </ToolButton>
      <span className="tool-sep" aria-hidden="true" />
      {BLOCKS.filter((b) => ['bulletList', 'orderedList', 'blockquote'].includes(b.id)).map((b) => (
        <ToolButton key={b.id} label={t(`blocks.${b.id}`)} pressed={s.active[b.id]} onClick={() => b.apply && run(b.apply)}>
          {b.icon}
        </ToolButton>
      ))}
      <span className="tool-sep" aria-hidden="true" />
      {BLOCKS.filter((b) => ['table', 'horizontalRule', 'image'].includes(b.id)).map((b) => (
        <ToolButton key={b.id} label={t(`blocks.${b.id}`)} onClick={() => (b.apply ? run(b.apply) : onPickImage())}>
          {b.icon}
        </ToolButton>
      ))}
      <span className="tool-sep" aria-hidden="true" />
      <ToolButton label={t('undo')} disabled={!s.canUndo} onClick={() => run((c) => c.undo())}>
        <Undo2 size={16} />
      </ToolButton>
      <ToolButton label={t('redo')} disabled={!s.canRedo} onClick={() => run((c) => c.redo())}>
        <Redo2 size={16} />
      </ToolButton>
      {s.inTable && (
        <span className="tool-group" role="group" aria-label={t('tableTools')}>
          <span className="tool-sep" aria-hidden="true" />
          <ToolButton label={t('addRow')} onClick={() => run((c) => c.addRowAfter())}>
            <Rows3 size={16} />+
          </ToolButton>
          <ToolButton label={t('addColumn')} onClick={() => run((c) => c.addColumnAfter())}>
            <Columns3 size={16} />+
          </ToolButton>
          <ToolButton label={t('deleteRow')} onClick={() => run((c) => c.deleteRow())}>
            <Rows3 size={16} />−
          </ToolButton>
          <ToolButton label={t('deleteColumn')} onClick={() => run((c) => c.deleteColumn())}>
            <Columns3 size={16} />−
          </ToolButton>
          <ToolButton label={t('deleteTable')} onClick={() => run((c) => c.deleteTable())}>
            <Trash2 size={16} />
          </ToolButton>
        </span>
      )}
    </div>
  );
}
