'use client';
/**
 * A button that shows a small panel of actions (the disclosure pattern): the first item takes
 * the focus when it opens, arrows and Home/End move between items, Escape closes it and gives
 * the focus back to the button, as does a click or a Tab outside. Items are `.menu-item`
 * elements; a confirmation dialog opened from an item lives inside the panel, so the panel
 * stays open behind it.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type Props = {
  /** What the button shows. */
  label: ReactNode;
  /** Accessible name when the button shows only an icon (« Plus d’actions »). */
  ariaLabel?: string;
  buttonClassName?: string;
  /** The panel's content; `close` shuts it (and refocuses the button unless told not to). */
  children: (close: (refocus?: boolean) => void) => ReactNode;
  align?: 'start' | 'end';
};

const ITEMS = '.menu-item:not(:disabled)';

export function DisclosureMenu({ label, ariaLabel, buttonClassName, children, align = 'start' }: Props) {
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const buttonId = useId();

  const items = () => Array.from(panelRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []).filter((el) => !el.closest('dialog'));
  const close = useCallback((refocus = true) => {
    setOpen(false);
    // After React removed the panel: the button is the one stable place to come back to.
    if (refocus) requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
  }, [buttonId]);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('dialog')) return; // the dialog's own keys (Escape closes it)
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const list = items();
    if (!list.length) return;
    e.preventDefault();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : (i + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
    list[next]?.focus();
  };

  return (
    <div
      ref={wrapRef}
      className="disclosure-menu"
      onBlur={(e) => {
        // Tab out of the panel closes it; moving into its confirmation dialog does not.
        if (open && e.relatedTarget && !wrapRef.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        id={buttonId}
        type="button"
        className={buttonClassName ?? 'btn'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className={`menu-panel disclosure-panel align-${align}`} onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
