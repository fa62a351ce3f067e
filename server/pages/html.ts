/**
 * ProseMirror document → HTML string, from the schema's own `toDOM` rules, without a DOM.
 * `@tiptap/html`'s generateHTML builds the schema again and opens a happy-dom window on every
 * call: that was a sixth of the time of every page view. This walks the same output specs
 * (`['tag', attrs?, 0 | children…]`) PM's DOMSerializer walks, with its mark nesting (a mark
 * stays open across neighbouring text that shares it), and escapes text and attribute values.
 */
import type { DOMOutputSpec, Mark, Node as PMNode, Schema } from '@tiptap/pm/model';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

type Rendered = { open: string; close: string; hole: boolean };

/** An output spec as an opening and a closing string; `hole` says where content goes. */
function renderSpec(spec: DOMOutputSpec, content?: () => string): string | Rendered {
  if (typeof spec === 'string') return escapeText(spec);
  if (!Array.isArray(spec)) throw new Error('A toDOM rule returned a DOM node: the HTML serializer renders output specs only.');
  const [rawTag, ...rest] = spec as [string, ...unknown[]];
  const space = rawTag.indexOf(' ');
  const tag = space > 0 ? rawTag.slice(space + 1) : rawTag;
  let i = 0;
  let attrs = '';
  const first = rest[0];
  if (first != null && typeof first === 'object' && !Array.isArray(first)) {
    i = 1;
    for (const [name, value] of Object.entries(first as Record<string, unknown>)) {
      if (value == null) continue;
      const n = name.indexOf(' ') > 0 ? name.slice(name.indexOf(' ') + 1) : name;
      attrs += ` ${n}="${escapeAttr(String(value))}"`;
    }
  }
  let inner = '';
  let hole = false;
  for (; i < rest.length; i++) {
    const child = rest[i];
    if (child === 0) {
      if (i < rest.length - 1 || hole) throw new RangeError('Content hole must be the only child of its parent node');
      hole = true;
      inner += content ? content() : '';
    } else {
      const r = renderSpec(child as DOMOutputSpec, content);
      if (typeof r === 'string') inner += r;
      else {
        inner += r.open + r.close;
        hole ||= r.hole;
      }
    }
  }
  const open = `<${tag}${attrs}>`;
  if (VOID.has(tag) && !inner) return { open, close: '', hole };
  return { open: open + inner, close: `</${tag}>`, hole };
}

function renderMark(mark: Mark, inline: boolean): { open: string; close: string } {
  const toDOM = mark.type.spec.toDOM;
  if (!toDOM) return { open: '', close: '' };
  const r = renderSpec(toDOM(mark, inline));
  return typeof r === 'string' ? { open: r, close: '' } : { open: r.open, close: r.close };
}

function renderFragment(parent: PMNode): string {
  let out = '';
  const active: { mark: Mark; close: string }[] = [];
  parent.forEach((child) => {
    const marks = child.isInline ? child.marks : [];
    // Keep the marks this child shares with the ones open, in order; close the rest.
    let keep = 0;
    while (keep < active.length && keep < marks.length && active[keep]!.mark.eq(marks[keep]!)) keep++;
    while (active.length > keep) out += active.pop()!.close;
    for (let m = keep; m < marks.length; m++) {
      const r = renderMark(marks[m]!, true);
      out += r.open;
      active.push({ mark: marks[m]!, close: r.close });
    }
    out += renderNode(child);
  });
  while (active.length) out += active.pop()!.close;
  return out;
}

export function renderNode(node: PMNode): string {
  if (node.isText) return escapeText(node.text ?? '');
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) return renderFragment(node);
  const r = renderSpec(toDOM(node), () => renderFragment(node));
  return typeof r === 'string' ? r : r.open + r.close;
}

/** The HTML of a document's content (what `generateHTML` returns), for `schema`. */
export function docToHTML(schema: Schema, json: unknown): string {
  return renderFragment(schema.nodeFromJSON(json));
}
