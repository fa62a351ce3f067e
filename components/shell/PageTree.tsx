'use client';
/**
 * A space's pages as a tree of links (a chapter and its sub-pages), in the sidebar and on the
 * space's page. Branches fold; pages the viewer may edit move by drag and drop, by keyboard
 * (Alt+↑/↓ reorder, Alt+→ goes under the page above, Alt+← comes out of its parent) or through
 * the « Déplacer » menu; each move is announced in a live region. The server decides every move
 * (it answers with the tree as it now is); two trees of one space on a screen stay in step.
 */
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { ChevronDown, ChevronRight, FileText, GripVertical } from 'lucide-react';

export type TreeNodeData = { id: string; title: string; status: 'draft' | 'published' | 'archived'; canMove: boolean; children: TreeNodeData[] };
export type MoveResult = { ok: true; data: TreeNodeData[] } | { ok: false; error: { message: string } } | null;

type Props = {
  spaceId: string;
  nodes: TreeNodeData[];
  currentPageId?: string | null;
  /** Sidebar: branches fold except the one leading to the current page. */
  foldByDefault?: boolean;
  move: (pageId: string, parentId: string | null, afterId: string | null) => Promise<MoveResult>;
  label: string;
};

type Where = 'before' | 'after' | 'inside';
type Place = { node: TreeNodeData; parent: TreeNodeData | null; siblings: TreeNodeData[]; index: number };
const TREE_EVENT = 'coopol:page-tree';

function locate(nodes: TreeNodeData[], id: string, parent: TreeNodeData | null = null): Place | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.id === id) return { node, parent, siblings: nodes, index: i };
    const inside = locate(node.children, id, node);
    if (inside) return inside;
  }
  return null;
}

const contains = (node: TreeNodeData, id: string): boolean => node.id === id || node.children.some((c) => contains(c, id));

/** Where a keyboard or menu move puts the page: its new parent and the sibling it follows. */
function target(nodes: TreeNodeData[], id: string, dir: 'up' | 'down' | 'in' | 'out'): { parentId: string | null; afterId: string | null } | null {
  const at = locate(nodes, id);
  if (!at) return null;
  const { siblings, index, parent } = at;
  const parentId = parent?.id ?? null;
  switch (dir) {
    case 'up':
      return index > 0 ? { parentId, afterId: siblings[index - 2]?.id ?? null } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId, afterId: siblings[index + 1]!.id } : null;
    case 'in': {
      const above = siblings[index - 1];
      return above ? { parentId: above.id, afterId: above.children[above.children.length - 1]?.id ?? null } : null;
    }
    case 'out':
      return parent ? { parentId: locate(nodes, parent.id)?.parent?.id ?? null, afterId: parent.id } : null;
  }
}

export function PageTree({ spaceId, nodes: initial, currentPageId, foldByDefault, move, label }: Props) {
  const t = useTranslations('common');
  const uid = useId();
  const [nodes, setNodes] = useState(initial);
  const [fold, setFold] = useState<Map<string, boolean>>(new Map());
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState('');
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [drag, setDrag] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; where: Where } | null>(null);
  const [busy, setBusy] = useState(false);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const focusAfter = useRef<string | null>(null);

  // A fresh tree from the server (the page rendered again) replaces the one shown.
  const [given, setGiven] = useState(initial);
  if (given !== initial) {
    setGiven(initial);
    setNodes(initial);
  }
  useEffect(() => {
    const onTree = (e: Event) => {
      const d = (e as CustomEvent<{ spaceId: string; nodes: TreeNodeData[] }>).detail;
      if (d.spaceId === spaceId) setNodes(d.nodes);
    };
    window.addEventListener(TREE_EVENT, onTree);
    return () => window.removeEventListener(TREE_EVENT, onTree);
  }, [spaceId]);
  useEffect(() => {
    if (focusAfter.current) links.current.get(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [nodes]);

  const onPath = (n: TreeNodeData) => Boolean(currentPageId && n.children.some((c) => contains(c, currentPageId)));
  const isFolded = (n: TreeNodeData) => fold.get(n.id) ?? (foldByDefault ? !onPath(n) : false);
  const setFolded = (id: string, folded: boolean) => setFold((m) => new Map(m).set(id, folded));

  async function doMove(id: string, parentId: string | null, afterId: string | null) {
    const title = locate(nodes, id)?.node.title ?? '';
    setBusy(true);
    setError('');
    const r = await move(id, parentId, afterId);
    setBusy(false);
    if (!r || !r.ok) {
      setError(r && !r.ok ? r.error.message : t('tree.moveFailed'));
      return;
    }
    focusAfter.current = id;
    if (parentId) setFolded(parentId, false);
    setNodes(r.data);
    window.dispatchEvent(new CustomEvent(TREE_EVENT, { detail: { spaceId, nodes: r.data } }));
    const at = locate(r.data, id);
    if (at)
      setAnnounce(
        at.parent
          ? t('tree.movedUnder', { title, position: at.index + 1, count: at.siblings.length, parent: at.parent.title })
          : t('tree.movedTop', { title, position: at.index + 1, count: at.siblings.length }),
      );
  }

  function moveBy(id: string, dir: 'up' | 'down' | 'in' | 'out') {
    const to = target(nodes, id, dir);
    if (to) void doMove(id, to.parentId, to.afterId);
  }

  function onKey(e: KeyboardEvent, n: TreeNodeData) {
    if (!e.altKey || !n.canMove || busy) return;
    const dir = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' } as const)[e.key as 'ArrowUp'];
    if (!dir) return;
    e.preventDefault(); // Alt+← is also the browser's "back"
    moveBy(n.id, dir);
  }

  function onDragOver(e: DragEvent, n: TreeNodeData) {
    if (!drag || contains(locate(nodes, drag)?.node ?? n, n.id)) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - box.top) / box.height;
    const where: Where = y < 0.3 ? 'before' : y > 0.7 ? 'after' : 'inside';
    if (drop?.id !== n.id || drop.where !== where) setDrop({ id: n.id, where });
  }

  function onDrop(e: DragEvent, n: TreeNodeData) {
    e.preventDefault();
    const id = drag;
    const where = drop?.id === n.id ? drop.where : 'inside';
    setDrag(null);
    setDrop(null);
    if (!id || id === n.id) return;
    const at = locate(nodes, n.id)!;
    const others = (list: TreeNodeData[]) => list.filter((s) => s.id !== id);
    if (where === 'inside') {
      const kids = others(n.children);
      void doMove(id, n.id, kids[kids.length - 1]?.id ?? null);
    } else if (where === 'after') void doMove(id, at.parent?.id ?? null, n.id);
    else {
      const sibs = others(at.siblings);
      const i = sibs.findIndex((s) => s.id === n.id);
      void doMove(id, at.parent?.id ?? null, sibs[i - 1]?.id ?? null);
    }
  }

  const render = (list: TreeNodeData[], depth: number) =>
    list.map((n) => {
      const folded = n.children.length > 0 && isFolded(n);
      const menuId = `${uid}-move-${n.id}`;
      const can = (dir: 'up' | 'down' | 'in' | 'out') => target(nodes, n.id, dir) !== null;
      return (
        <li key={n.id} className="tree-item" data-drop={drop?.id === n.id ? drop.where : undefined}>
          <div
            className={`tree-row${drag === n.id ? ' tree-dragging' : ''}`}
            draggable={n.canMove && !busy}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', n.title);
              setDrag(n.id);
            }}
            onDragEnd={() => {
              setDrag(null);
              setDrop(null);
            }}
            onDragOver={(e) => onDragOver(e, n)}
            onDragLeave={() => setDrop((d) => (d?.id === n.id ? null : d))}
            onDrop={(e) => onDrop(e, n)}
            style={{ paddingLeft: depth * 14 }}
          >
            {n.children.length > 0 ? (
              <button
                type="button"
                className="tree-fold"
                aria-expanded={!folded}
                aria-label={folded ? t('tree.unfold', { title: n.title }) : t('tree.fold', { title: n.title })}
                onClick={() => setFolded(n.id, !folded)}
              >
                {folded ? <ChevronRight size={16} aria-hidden /> : <ChevronDown size={16} aria-hidden />}
              </button>
            ) : (
              <span className="tree-leaf" aria-hidden>
                <FileText size={14} />
              </span>
            )}
            <Link
              href={`/pages/${n.id}`}
              className="tree-link"
              aria-current={n.id === currentPageId ? 'page' : undefined}
              aria-keyshortcuts={n.canMove ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowRight Alt+ArrowLeft' : undefined}
              ref={(el) => {
                if (el) links.current.set(n.id, el);
                else links.current.delete(n.id);
              }}
              onKeyDown={(e) => onKey(e, n)}
            >
              {n.title}
              {n.status === 'draft' && <span className="tree-draft"> · {t('tree.draft')}</span>}
            </Link>
            {n.canMove && (
              <button
                type="button"
                className="tree-move"
                aria-expanded={menuFor === n.id}
                aria-controls={menuFor === n.id ? menuId : undefined}
                aria-label={t('tree.moveMenu', { title: n.title })}
                title={t('tree.moveHint')}
                onClick={() => setMenuFor((m) => (m === n.id ? null : n.id))}
              >
                <GripVertical size={16} aria-hidden />
              </button>
            )}
          </div>
          {menuFor === n.id && (
            <div
              id={menuId}
              className="tree-menu"
              role="group"
              aria-label={t('tree.moveMenu', { title: n.title })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setMenuFor(null);
                  links.current.get(n.id)?.focus();
                }
              }}
            >
              {(['up', 'down', 'in', 'out'] as const).map((dir) => (
                <button
                  key={dir}
                  type="button"
                  className="btn btn-small"
                  disabled={busy || !can(dir)}
                  onClick={() => {
                    setMenuFor(null);
                    moveBy(n.id, dir);
                  }}
                >
                  {t(`tree.${dir}`)}
                </button>
              ))}
            </div>
          )}
          {n.children.length > 0 && !folded && <ul>{render(n.children, depth + 1)}</ul>}
        </li>
      );
    });

  return (
    <div className="page-tree">
      {nodes.length === 0 ? <p className="small muted tree-empty">{t('tree.empty')}</p> : <ul aria-label={label}>{render(nodes, 0)}</ul>}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="alert alert-error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
