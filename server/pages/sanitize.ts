/**
 * Reading a body never fails. A document may hold what the schema does not know: an element or
 * a mark from a foreign or hostile client, content in the wrong place, a nesting thousands deep
 * (every recursive reader overflows the stack on it). The page, its API, derivation, versions and
 * publication all read through here, so one bad update cannot answer 500 for everyone.
 *
 * What cannot be kept as it is becomes the nearest thing the schema holds: an unknown element
 * gives way to its content, an unknown mark is dropped, an attribute of the wrong type takes its
 * default, a block inside a paragraph becomes its text, content that does not fit its parent is
 * wrapped (a list item gets its list) or lifted; below MAX_BODY_DEPTH the rest is kept as plain
 * text. Readable text is kept wherever the schema allows it.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { Fragment, Mark, type MarkType, type Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model';
import { MAX_BODY_DEPTH } from '@/lib/editor/limits';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (n: Json): unknown[] => (Array.isArray(n.content) ? n.content : []);

/** y-prosemirror names a mark that may overlap itself `name--<hash>`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;
const markName = (attr: string) => HASHED_MARK.exec(attr)?.[1] ?? attr;

/**
 * A Yjs body as ProseMirror JSON, shaped as y-tiptap's `yXmlFragmentToProsemirrorJSON` shapes
 * it, but walked with a stack (no recursion) and skipping what is neither element nor text.
 */
export function yFragmentToJSON(fragment: Y.XmlFragment): JSONContent {
  const root: JSONContent = { type: 'doc', content: [] };
  const stack: [Y.XmlFragment, JSONContent][] = [[fragment, root]];
  while (stack.length) {
    const [parent, out] = stack.pop()!;
    const content: JSONContent[] = [];
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const d of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          if (typeof d.insert !== 'string' || !d.insert) continue; // an embed: nothing the schema holds
          const text: JSONContent = { type: 'text', text: d.insert };
          if (d.attributes) text.marks = Object.entries(d.attributes).map(([k, v]) => (isObject(v) ? { type: markName(k), attrs: v } : { type: markName(k) }));
          content.push(text);
        }
      } else if (child instanceof Y.XmlElement) {
        const node: JSONContent = { type: child.nodeName };
        const attrs = child.getAttributes();
        if (Object.keys(attrs).length) node.attrs = attrs;
        content.push(node);
        stack.push([child, node]);
      }
    }
    if (content.length || out === root) out.content = content;
  }
  return root;
}

/** Whether elements nest deeper than `limit` below the root (the root's children are depth 1). */
function nestsDeeperThan(json: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isObject(node)) continue;
    if (depth > limit && node.type !== 'text') return true;
    for (const c of childrenOf(node)) stack.push([c, depth + 1]);
  }
  return false;
}

const SEPARATOR = Symbol('separator');

/** The text of a subtree, blocks separated by a space, without recursion. Wiki-link labels are not text. */
export function plainTextOf(json: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop();
    if (node === SEPARATOR) {
      out.push(' ');
      continue;
    }
    if (!isObject(node)) continue;
    if (node.type === 'text') {
      if (typeof node.text === 'string') out.push(node.text);
      continue;
    }
    const children = childrenOf(node);
    stack.push(SEPARATOR);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Is `value` acceptable for an attribute whose default is `fallback`? (Same kind of value.) */
function fitsDefault(value: unknown, fallback: unknown): boolean {
  if (value === null || value === undefined) return fallback === null || fallback === undefined;
  if (fallback === null || fallback === undefined) return ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value) || isObject(value);
  if (Array.isArray(fallback)) return Array.isArray(value);
  return typeof value === typeof fallback;
}

/** Attributes the type knows, of the kind its defaults have; null when a required one is missing. */
function cleanAttrs(type: NodeType | MarkType, given: unknown): Record<string, unknown> | null {
  const specs = (type.spec.attrs ?? {}) as Record<string, { default?: unknown }>;
  const src = isObject(given) ? given : {};
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const hasDefault = Object.prototype.hasOwnProperty.call(spec, 'default');
    const value = src[name];
    if (value !== undefined && (!hasDefault || fitsDefault(value, spec.default))) out[name] = value;
    else if (hasDefault) out[name] = spec.default;
    else return null;
  }
  return out;
}

/** Per node or mark type, its attributes that have a default: [name, default]. */
const defaulted = new WeakMap<NodeType | MarkType, [string, unknown][]>();

/** Attribute values of a node or mark are of the kind their defaults have. */
function saneAttrs(type: NodeType | MarkType, attrs: Record<string, unknown>): boolean {
  let list = defaulted.get(type);
  if (!list) {
    const specs = (type.spec.attrs ?? {}) as Record<string, { default?: unknown }>;
    list = Object.entries(specs).flatMap(([name, spec]): [string, unknown][] => (Object.prototype.hasOwnProperty.call(spec, 'default') ? [[name, spec.default]] : []));
    defaulted.set(type, list);
  }
  for (const [name, fallback] of list) if (!fitsDefault(attrs[name], fallback)) return false;
  return true;
}

class Repair {
  private readonly paragraph: NodeType;
  constructor(private readonly schema: Schema) {
    this.paragraph = schema.nodes.paragraph!;
  }

  doc(json: unknown): PMNode {
    const top = this.schema.topNodeType;
    try {
      const doc = top.create(null, this.fit(top, this.children(json, 1)));
      doc.check();
      return doc;
    } catch {
      // Whatever still does not hold: the text, as one paragraph.
      const text = plainTextOf(json);
      return top.create(null, this.paragraph.create(null, text ? this.schema.text(text) : null));
    }
  }

  private children(json: unknown, depth: number): PMNode[] {
    return isObject(json) ? childrenOf(json).flatMap((c) => this.node(c, depth)) : [];
  }

  private marks(json: unknown): readonly Mark[] {
    if (!Array.isArray(json)) return Mark.none;
    let set = Mark.none;
    for (const m of json) {
      const type = isObject(m) && typeof m.type === 'string' ? this.schema.marks[m.type] : undefined;
      if (!type) continue; // an unknown mark: the text stays, unmarked
      const attrs = cleanAttrs(type, m.attrs);
      if (!attrs) continue;
      try {
        set = type.create(attrs).addToSet(set);
      } catch {
        // an attribute its validator refuses: dropped
      }
    }
    return set;
  }

  /** One JSON node as zero or more schema nodes (an unknown element gives its content). */
  private node(json: unknown, depth: number): PMNode[] {
    if (!isObject(json)) return [];
    if (json.type === 'text') return typeof json.text === 'string' && json.text ? [this.schema.text(json.text, this.marks(json.marks))] : [];
    // Past the limit (or at it, with elements below), the rest is kept as text.
    if (depth > MAX_BODY_DEPTH || (depth === MAX_BODY_DEPTH && childrenOf(json).some((c) => isObject(c) && c.type !== 'text'))) {
      const text = plainTextOf(json);
      return text ? [this.schema.text(text)] : [];
    }
    const type = typeof json.type === 'string' ? this.schema.nodes[json.type] : undefined;
    const attrs = type && type !== this.schema.topNodeType ? cleanAttrs(type, json.attrs) : null;
    if (!type || !attrs) return this.children(json, depth + 1);
    const inner = this.children(json, depth + 1);
    if (type.isLeaf) return [...this.create(type, attrs, Fragment.empty, json.marks), ...inner];
    const made = this.create(type, attrs, this.fit(type, inner), json.marks);
    return made.length ? made : inner;
  }

  private create(type: NodeType, attrs: Record<string, unknown>, content: Fragment, marks: unknown): PMNode[] {
    try {
      const node = type.createAndFill(attrs, content, this.marks(marks));
      return node ? [node] : [];
    } catch {
      return [];
    }
  }

  /** Places `items` in a node of `parent`'s type: what does not fit is wrapped, lifted or made text. */
  private fit(parent: NodeType, items: PMNode[]): Fragment {
    return parent.inlineContent ? this.fitInline(parent, items) : this.fitBlocks(parent, items);
  }

  private fitInline(parent: NodeType, items: readonly PMNode[]): Fragment {
    const out: PMNode[] = [];
    let match = parent.contentMatch;
    for (const item of items) {
      let node = item;
      if (!node.isInline) {
        const text = node.textContent;
        if (!text) continue;
        node = this.schema.text(out.length ? ` ${text}` : text);
      }
      const marks = node.marks.filter((m) => parent.allowsMarkType(m.type));
      if (marks.length !== node.marks.length) node = node.mark(marks);
      let next = match.matchType(node.type);
      if (!next && !node.isText && node.textContent) {
        node = this.schema.text(node.textContent);
        next = match.matchType(node.type);
      }
      if (!next) continue;
      out.push(node);
      match = next;
    }
    const fill = match.fillBefore(Fragment.empty, true);
    return Fragment.from(out).append(fill ?? Fragment.empty);
  }

  private fitBlocks(parent: NodeType, items: PMNode[]): Fragment {
    const out: PMNode[] = [];
    let match = parent.contentMatch;
    const place = (node: PMNode): boolean => {
      const next = match.matchType(node.type);
      if (next) {
        out.push(node);
        match = next;
        return true;
      }
      const wrapping = match.findWrapping(node.type);
      if (!wrapping?.length) return false;
      let wrapped: PMNode | null = node;
      for (let i = wrapping.length - 1; i >= 0 && wrapped; i--) wrapped = wrapping[i]!.createAndFill(null, wrapped);
      const after = wrapped && match.matchType(wrapped.type);
      if (!wrapped || !after) return false;
      out.push(wrapped);
      match = after;
      return true;
    };
    let run: PMNode[] = [];
    const flush = () => {
      if (run.length) place(this.paragraph.create(null, this.fitInline(this.paragraph, run)));
      run = [];
    };
    const queue = [...items];
    for (let i = 0; i < queue.length; i++) {
      const item = queue[i]!;
      if (item.isInline) {
        run.push(item);
        continue;
      }
      flush();
      if (place(item)) continue;
      if (item.isTextblock) {
        if (item.type !== this.paragraph && place(this.paragraph.create(null, this.fitInline(this.paragraph, item.content.content)))) continue;
      } else if (!item.isLeaf) {
        // A container in the wrong place gives way to its content.
        queue.splice(i + 1, 0, ...item.content.content);
        continue;
      }
      const text = item.textContent;
      if (text) place(this.paragraph.create(null, this.schema.text(text)));
    }
    flush();
    const fill = match.fillBefore(Fragment.empty, true);
    return Fragment.from(out).append(fill ?? Fragment.empty);
  }
}

/**
 * `json` as a document of `schema`, never throwing: as it is when it is valid (and not nested
 * past MAX_BODY_DEPTH), else repaired. `repaired` says which.
 */
export function toSchemaDoc(schema: Schema, json: unknown): { node: PMNode; repaired: boolean } {
  if (isObject(json) && json.type === schema.topNodeType.name && !nestsDeeperThan(json, MAX_BODY_DEPTH)) {
    try {
      const node = schema.nodeFromJSON(json);
      node.check();
      let sane = true;
      node.descendants((n) => {
        if (!sane) return false;
        sane = saneAttrs(n.type, n.attrs) && n.marks.every((m) => saneAttrs(m.type, m.attrs));
        return sane;
      });
      if (sane) return { node, repaired: false };
    } catch {
      // repaired below
    }
  }
  return { node: new Repair(schema).doc(json), repaired: true };
}
