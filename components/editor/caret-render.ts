/** How another person's caret and selection look (names and colours come from the server). */
import type { DecorationAttrs } from '@tiptap/pm/view';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const safeColor = (c: unknown) => (typeof c === 'string' && COLOR.test(c) ? c : '#555555');

export function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

export function renderSelection(user: { color?: unknown }): DecorationAttrs {
  return { style: `background-color: ${safeColor(user.color)}33`, class: 'collaboration-carets__selection' };
}
