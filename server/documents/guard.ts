/**
 * What an update may add to a page body, checked before it is stored or applied: elements whose
 * node name the editor schema knows, and no nesting deeper than MAX_BODY_DEPTH. One update with
 * an unknown element, or a 3,000-deep nesting, used to break the page for everyone.
 *
 * The check reads the decoded structs and never touches the room's document: a new element's
 * depth comes from its parent, found through the element's own `parent` field or through its
 * left or right neighbour (in the update, or in the document). When neither the update nor the
 * document can tell (a neighbour already garbage-collected), the update is applied to a scratch
 * copy of the document and measured there.
 */
import * as Y from 'yjs';
import { MAX_BODY_DEPTH } from '@/lib/editor/limits';
import { editorSchema } from '@/server/pages/body';

type ID = { client: number; clock: number };
export type DocumentRefusal = 'unknown node' | 'too deep';

const key = (id: ID) => `${id.client}:${id.clock}`;

/** Elements between a type and the root (the type itself included when it is an element). */
function depthOfType(type: Y.AbstractType<unknown> | null): number {
  let depth = 0;
  for (let t = type; t; t = t._item ? (t._item.parent as Y.AbstractType<unknown>) : null) if (t instanceof Y.XmlElement) depth++;
  return depth;
}

/** The struct of the document that holds `id`, or null when the document does not hold it. */
function docStruct(doc: Y.Doc, id: ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const structs = doc.store.clients.get(id.client)!;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}

/**
 * Why this update is refused, or null when it may be applied. `getDoc` is called only when an
 * update holds elements whose depth depends on the document.
 */
export function refuseDocumentUpdate(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>, getDoc: () => Y.Doc): DocumentRefusal | null {
  const elements: Y.Item[] = [];
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue;
    const type = s.content.type;
    if (type instanceof Y.XmlElement) {
      if (!editorSchema.nodes[type.nodeName]) return 'unknown node';
      elements.push(s);
    } else if (!(type instanceof Y.XmlText)) {
      // A map, an array, a plain text or a hook inside the body: nothing the editor writes.
      return 'unknown node';
    }
  }
  if (elements.length === 0) return null;
  const inUpdate = new Map<string, Item>();
  for (const s of decoded.structs) if (s instanceof Y.Item) inUpdate.set(key(s.id), s);
  const doc = getDoc();
  const memo = new Map<Item, number | null>();

  /** Depth of the type an item of the update sits in (elements above it), or null when unknown. */
  const parentDepth = (item: Item, seen = 0): number | null => {
    if (memo.has(item)) return memo.get(item)!;
    // Parents come before their children in an update, and are measured first (below): a long
    // chain here is a loop of neighbours or a crafted order, measured on a copy instead.
    if (seen > 4 * MAX_BODY_DEPTH) return null;
    let depth: number | null = null;
    const p = item.parent as unknown;
    if (typeof p === 'string') depth = 0;
    else if (p && typeof p === 'object' && 'client' in (p as object)) depth = typeDepth(p as ID, seen);
    else {
      for (const n of [item.origin, item.rightOrigin]) {
        if (!n) continue;
        const near = inUpdate.get(key(n)) ?? findInUpdate(n);
        if (near) depth = parentDepth(near, seen + 1);
        else {
          const s = docStruct(doc, n);
          depth = s instanceof Y.Item ? depthOfType(s.parent as Y.AbstractType<unknown>) : null;
        }
        if (depth !== null) break;
      }
    }
    memo.set(item, depth);
    return depth;
  };
  /** Depth of the element (or text) an ID names, as a parent: its own depth. */
  const typeDepth = (id: ID, seen: number): number | null => {
    const own = inUpdate.get(key(id));
    if (own) {
      const above = parentDepth(own, seen + 1);
      return above === null ? null : above + (own.content instanceof Y.ContentType && own.content.type instanceof Y.XmlElement ? 1 : 0);
    }
    const s = docStruct(doc, id);
    return s instanceof Y.Item && s.content instanceof Y.ContentType ? depthOfType(s.content.type) : null;
  };
  /** A neighbour inside a longer struct of the update (a run of characters): the struct holding it. */
  const findInUpdate = (id: ID): Item | undefined => {
    for (const s of decoded.structs) if (s instanceof Y.Item && s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length) return s;
    return undefined;
  };

  let unknown = false;
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue;
    const above = parentDepth(s);
    if (above === null) unknown = true;
    else if (s.content.type instanceof Y.XmlElement && above + 1 > MAX_BODY_DEPTH) return 'too deep';
  }
  return unknown && deepestAfter(doc, update) > MAX_BODY_DEPTH ? 'too deep' : null;
}

type Item = Y.Item;

/** The deepest element of the body once `update` is applied to a copy of `doc`. */
function deepestAfter(doc: Y.Doc, update: Uint8Array): number {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    let deepest = 0;
    const walk = (node: Y.XmlFragment | Y.XmlElement, depth: number) => {
      deepest = Math.max(deepest, depth);
      if (deepest > MAX_BODY_DEPTH) return;
      for (const child of node.toArray()) if (child instanceof Y.XmlElement) walk(child, depth + 1);
    };
    // Elements still waiting for what they build on cannot be measured: refused until it comes.
    if (scratch.store.pendingStructs) return Infinity;
    for (const name of [...scratch.share.keys()]) walk(scratch.getXmlFragment(name), 0);
    return deepest;
  } finally {
    scratch.destroy();
  }
}
