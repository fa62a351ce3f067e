'use client';
/**
 * The floating list of the `/` menu and the `[[` link search: arrows move, Enter picks, Escape
 * closes (the suggestion plugin handles Escape). The editor keeps the focus; the list is a
 * listbox whose active option is announced through a live region.
 */
import { forwardRef, useImperativeHandle, useState, type ReactNode } from 'react';

export type MenuItem = { key: string; label: string; hint?: string; icon?: ReactNode };

export type SuggestionMenuProps = {
  items: MenuItem[];
  loading?: boolean;
  emptyLabel: string;
  listLabel: string;
  onPick: (index: number) => void;
};

export type SuggestionMenuHandle = { onKeyDown: (event: KeyboardEvent) => boolean };

export const SuggestionMenu = forwardRef<SuggestionMenuHandle, SuggestionMenuProps>(function SuggestionMenu({ items, loading, emptyLabel, listLabel, onPick }, ref) {
  const [state, setState] = useState({ items, active: 0 });
  // A new list starts at its first item (state reset during render, not in an effect).
  if (state.items !== items) setState({ items, active: 0 });
  const active = Math.min(state.active, Math.max(0, items.length - 1));
  const move = (delta: number) => setState((s) => ({ ...s, active: items.length ? (active + delta + items.length) % items.length : 0 }));

  useImperativeHandle(ref, () => ({
    onKeyDown: (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        move(event.key === 'ArrowDown' ? 1 : -1);
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        if (!items.length) return false;
        onPick(active);
        return true;
      }
      return false;
    },
  }));

  const current = items[active];
  return (
    <div className="suggestion-menu" role="presentation">
      <ul role="listbox" aria-label={listLabel}>
        {items.map((item, i) => (
          <li
            key={item.key}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault(); // keep the editor's focus and selection
              onPick(i);
            }}
            onMouseEnter={() => setState((s) => ({ ...s, active: i }))}
          >
            {item.icon && <span className="suggestion-icon" aria-hidden="true">{item.icon}</span>}
            <span className="suggestion-label">{item.label}</span>
            {item.hint && <span className="suggestion-hint">{item.hint}</span>}
          </li>
        ))}
        {!items.length && <li className="suggestion-empty">{loading ? '…' : emptyLabel}</li>}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {current ? current.label : loading ? '' : emptyLabel}
      </p>
    </div>
  );
});
