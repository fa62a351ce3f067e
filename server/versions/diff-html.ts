/**
 * Compares two versions of a page and shows the changes inside the formatted document: blocks
 * are aligned between the two ProseMirror documents, changed blocks of the same kind are compared
 * word by word, and the result is one merged document rendered through the editor schema (which
 * escapes text), with insertions in <ins> and deletions in <del>.
 *
 * Marks travel as private-use sentinel characters inside text nodes (one pair per text node, so
 * they always nest inside that node's own formatting) and become tags after rendering.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { JSONContent } from '@tiptap/core';
import { editorSchema, jsonToHTML } from '@/server/pages/body';

const INS_OPEN = '\uE000';
const INS_CLOSE = '\uE001';
const DEL_OPEN = '\uE002';
const DEL_CLOSE = '\uE003';
/** A block without text (image, rule) is rendered apart and put back at this placeholder. */
const BLOCK = '\uE004';
/** Inline atoms (wiki links, line breaks) stand for one character each while diffing. */
const FIRST_ATOM = 0xe100;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** A block whose words changed more than this share is shown as before | after, side by side. */
export const SPLIT_RATIO = 0.5;

type Change = 'ins' | 'del';
export type SplitLabels = { before: string; after: string };
type Ctx = { atoms: Map<string, string>; blocks: string[]; labels: SplitLabels };

const isTextblock = (n: JSONContent) => Boolean(n.type && editorSchema.nodes[n.type]?.isTextblock);
const open = (c: Change) => (c === 'ins' ? INS_OPEN : DEL_OPEN);
const close = (c: Change) => (c === 'ins' ? INS_CLOSE : DEL_CLOSE);
const clean = (text: string | undefined) => (text ?? '').replace(PRIVATE_USE, '');
const marked = (n: JSONContent, c: Change | null, text: string): JSONContent => ({ ...n, text: c ? open(c) + text + close(c) : text });

/** The whole node inserted or deleted: every text inside it is marked. */
function markAll(node: JSONContent, c: Change, ctx: Ctx): JSONContent {
  if (node.type === 'text') return marked(node, c, clean(node.text));
  if (isTextblock(node)) return { ...node, content: (node.content ?? []).flatMap((child) => markInline(child, c)) };
  if (node.content) return { ...node, content: node.content.map((child) => markAll(child, c, ctx)) };
  // A block atom: render it alone, wrapped in <ins>/<del> (both may hold flow content).
  const tag = c === 'ins' ? 'ins' : 'del';
  ctx.blocks.push(`<${tag} class="diff-block">${jsonToHTML({ type: 'doc', content: [node] })}</${tag}>`);
  return { type: 'paragraph', content: [{ type: 'text', text: `${BLOCK}${ctx.blocks.length - 1}${BLOCK}` }] };
}

function markInline(node: JSONContent, c: Change): JSONContent[] {
  if (node.type === 'text') return [marked(node, c, clean(node.text))];
  return [{ type: 'text', text: open(c) }, node, { type: 'text', text: close(c) }];
}

/** One character per position of a textblock's content, with the inline node it comes from. */
function linearize(content: JSONContent[], ctx: Ctx): { str: string; owners: JSONContent[] } {
  let str = '';
  const owners: JSONContent[] = [];
  for (const node of content) {
    if (node.type === 'text') {
      const text = clean(node.text);
      str += text;
      for (let i = 0; i < text.length; i++) owners.push(node);
    } else {
      const key = JSON.stringify(node);
      let ch = ctx.atoms.get(key);
      if (!ch) {
        ch = String.fromCharCode(FIRST_ATOM + ctx.atoms.size);
        ctx.atoms.set(key, ch);
      }
      str += ch;
      owners.push(node);
    }
  }
  return { str, owners };
}

const escapeHTML = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Word-level diff of two textblocks' inline content, keeping each piece's own formatting; null
 * when more than SPLIT_RATIO of the words changed (the block then reads better as before | after).
 */
function diffInline(a: JSONContent[], b: JSONContent[], ctx: Ctx): JSONContent[] | null {
  const la = linearize(a, ctx);
  const lb = linearize(b, ctx);
  const parts = diffWordsWithSpace(la.str, lb.str);
  const total = wordCount(la.str) + wordCount(lb.str);
  const changed = parts.filter((p) => p.added || p.removed).reduce((n, p) => n + wordCount(p.value), 0);
  if (total > 0 && changed / total > SPLIT_RATIO) return null;
  const out: JSONContent[] = [];
  const emit = (owners: JSONContent[], str: string, from: number, to: number, c: Change | null) => {
    let i = from;
    while (i < to) {
      const owner = owners[i]!;
      if (owner.type !== 'text') {
        out.push(...(c ? markInline(owner, c) : [owner]));
        i++;
        continue;
      }
      let j = i;
      while (j < to && owners[j] === owner) j++;
      out.push(marked(owner, c, str.slice(i, j)));
      i = j;
    }
  };
  let ia = 0;
  let ib = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) {
      emit(la.owners, la.str, ia, ia + n, 'del');
      ia += n;
    } else if (part.added) {
      emit(lb.owners, lb.str, ib, ib + n, 'ins');
      ib += n;
    } else {
      emit(lb.owners, lb.str, ib, ib + n, null);
      ia += n;
      ib += n;
    }
  }
  return out;
}

/** A block rewritten: the old one and the new one side by side (one above the other on a phone). */
function split(a: JSONContent, b: JSONContent, ctx: Ctx): JSONContent {
  const side = (node: JSONContent, c: Change, label: string) =>
    `<div class="diff-side diff-${c === 'ins' ? 'after' : 'before'}"><span class="diff-label">${escapeHTML(label)}</span>${jsonToHTML({ type: 'doc', content: [markAll(node, c, ctx)] })}</div>`;
  ctx.blocks.push(`<div class="diff-split">${side(a, 'del', ctx.labels.before)}${side(b, 'ins', ctx.labels.after)}</div>`);
  return { type: 'paragraph', content: [{ type: 'text', text: `${BLOCK}${ctx.blocks.length - 1}${BLOCK}` }] };
}

/** Two nodes of the same type that differ. */
function diffNode(a: JSONContent, b: JSONContent, ctx: Ctx): JSONContent[] {
  if (isTextblock(b)) {
    const inline = diffInline(a.content ?? [], b.content ?? [], ctx);
    return [inline ? { ...b, content: inline } : split(a, b, ctx)];
  }
  if (b.content || a.content) return [{ ...b, content: diffChildren(a.content ?? [], b.content ?? [], ctx) }];
  return [markAll(a, 'del', ctx), markAll(b, 'ins', ctx)];
}

/** Between two unchanged anchors: pair removed and added blocks of the same type, in order. */
function pairRun(removed: JSONContent[], added: JSONContent[], ctx: Ctx): JSONContent[] {
  const out: JSONContent[] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    const r = removed[i];
    const a = added[j];
    if (r && a && r.type === a.type) {
      out.push(...diffNode(r, a, ctx));
      i++;
      j++;
    } else if (a && (!r || !removed.slice(i).some((x) => x.type === a.type))) {
      out.push(markAll(a, 'ins', ctx));
      j++;
    } else {
      out.push(markAll(r!, 'del', ctx));
      i++;
    }
  }
  return out;
}

function diffChildren(a: JSONContent[], b: JSONContent[], ctx: Ctx): JSONContent[] {
  const out: JSONContent[] = [];
  let ia = 0;
  let ib = 0;
  let removed: JSONContent[] = [];
  let added: JSONContent[] = [];
  for (const part of diffArrays(a.map((n) => JSON.stringify(n)), b.map((n) => JSON.stringify(n)))) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      removed = removed.concat(a.slice(ia, ia + n));
      ia += n;
    } else if (part.added) {
      added = added.concat(b.slice(ib, ib + n));
      ib += n;
    } else {
      out.push(...pairRun(removed, added, ctx), ...b.slice(ib, ib + n));
      removed = [];
      added = [];
      ia += n;
      ib += n;
    }
  }
  out.push(...pairRun(removed, added, ctx));
  return out;
}

/**
 * The comparison of `before` and `after`, as safe HTML of the formatted document: a block
 * changed a little shows its changes inline, a block rewritten shows before | after.
 */
export function diffDocumentsHTML(before: JSONContent, after: JSONContent, opts: { labels?: SplitLabels } = {}): string {
  const ctx: Ctx = { atoms: new Map(), blocks: [], labels: opts.labels ?? { before: 'Avant', after: 'Après' } };
  const merged: JSONContent = { type: 'doc', content: diffChildren(before.content ?? [], after.content ?? [], ctx) };
  return jsonToHTML(merged)
    .replace(new RegExp(`<p>${BLOCK}(\\d+)${BLOCK}</p>`, 'g'), (_, i: string) => ctx.blocks[Number(i)] ?? '')
    .replaceAll(INS_OPEN, '<ins>')
    .replaceAll(INS_CLOSE, '</ins>')
    .replaceAll(DEL_OPEN, '<del>')
    .replaceAll(DEL_CLOSE, '</del>');
}
