'use client';
/**
 * A space's pages as a tree (a chapter and its sub-pages), in the sidebar and on the space's
 * page: a navigation treeview (one Tab stop; ↑ ↓ move between pages, → ← unfold and fold, Enter
 * opens). Pages the viewer may edit move by drag and drop, by keyboard (Alt+↑/↓ reorder, Alt+→
 * goes under the page above, Alt+← comes out of its parent) or through the « Déplacer » menu
 * (its button, or Maj+F10); each move is announced in a live region. The server decides every
 * move (it answers with the tree as it now is); two trees of one space on a screen stay in step.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore, type DragEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslations } from 'next-intl';

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
  /**
   * Top-level pages shown at first (with their sub-pages); a button shows the others. A space of
   * 150 pages drew 150 rows on its page before anything else could show.
   */
  firstRows?: number;
};

type Where = 'before' | 'after' | 'inside';
type Place = { node: TreeNodeData; parent: TreeNodeData | null; siblings: TreeNodeData[]; index: number };
const TREE_EVENT = 'coopol:page-tree';
const noSubscription = () => () => {};

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

export function PageTree({ spaceId, nodes: initial, currentPageId, foldByDefault, move, label, firstRows }: Props) {
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
  const [active, setActive] = useState<string | null>(null);
  const [menuTop, setMenuTop] = useState(0);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const rows = useRef(new Map<string, HTMLElement>());
  const focusAfter = useRef<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  // The « Déplacer » buttons work only with the script: the server's HTML leaves them out (one element per row fewer).
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

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
  // The menu takes the focus when it opens (Esc gives it back to its page).
  useEffect(() => {
    if (menuFor) document.getElementById(`${uid}-move-${menuFor}`)?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }, [menuFor, uid]);
  useEffect(() => {
    if (focusAfter.current) links.current.get(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [nodes]);

  const onPath = (n: TreeNodeData) => Boolean(currentPageId && contains(n, currentPageId));
  const isFolded = (n: TreeNodeData) => fold.get(n.id) ?? (foldByDefault ? !onPath(n) : false);
  const setFolded = (id: string, folded: boolean) => setFold((m) => new Map(m).set(id, folded));

  async function doMove(id: string, parentId: string | null, afterId: string | null) {
    const title = locate(nodes, id)?.node.title ?? '';
    setShowAll(true); // a moved page may land further down
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

  /** Opens a page's « Déplacer » menu just under its row. */
  function openMenu(id: string) {
    const row = rows.current.get(id);
    setMenuTop(row ? row.offsetTop + row.offsetHeight : 0);
    setMenuFor(id);
  }

  function moveBy(id: string, dir: 'up' | 'down' | 'in' | 'out') {
    const to = target(nodes, id, dir);
    if (to) void doMove(id, to.parentId, to.afterId);
  }

  // The top level shown: all of it, or its first rows until asked (or once a page moved, or when the
  // current page is further down).
  const capped = firstRows !== undefined && !showAll && nodes.length > firstRows + 5 && !nodes.slice(firstRows).some((n) => currentPageId && contains(n, currentPageId));
  const top = capped ? nodes.slice(0, firstRows) : nodes;
  // The pages shown (branches folded away left out), in reading order: the treeview's keys walk it.
  const shown: { node: TreeNodeData; parent: TreeNodeData | null }[] = [];
  const walk = (list: TreeNodeData[], parent: TreeNodeData | null) =>
    list.forEach((node) => {
      shown.push({ node, parent });
      if (node.children.length && !isFolded(node)) walk(node.children, node);
    });
  walk(top, null);
  // One Tab stop: the page last focused, else the current page, else the first.
  const tabStop = shown.find((s) => s.node.id === active) ?? shown.find((s) => s.node.id === currentPageId) ?? shown[0];
  const focusItem = (id: string | undefined) => {
    if (!id) return;
    setActive(id);
    links.current.get(id)?.focus();
  };

  function onKey(e: KeyboardEvent, n: TreeNodeData) {
    if (e.altKey) {
      const dir = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' } as const)[e.key as 'ArrowUp'];
      if (!dir || !n.canMove) return;
      e.preventDefault(); // Alt+← is also the browser's "back"
      if (!busy) moveBy(n.id, dir);
      return;
    }
    if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
      if (!n.canMove) return;
      e.preventDefault();
      openMenu(n.id);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    const i = shown.findIndex((s) => s.node.id === n.id);
    const folded = isFolded(n);
    const go: Record<string, () => void> = {
      ArrowDown: () => focusItem(shown[i + 1]?.node.id),
      ArrowUp: () => focusItem(shown[i - 1]?.node.id),
      Home: () => focusItem(shown[0]?.node.id),
      End: () => focusItem(shown[shown.length - 1]?.node.id),
      ArrowRight: () => (n.children.length ? (folded ? setFolded(n.id, false) : focusItem(n.children[0]!.id)) : undefined),
      ArrowLeft: () => (n.children.length && !folded ? setFolded(n.id, true) : focusItem(shown[i]?.parent?.id)),
    };
    if (!go[e.key]) return;
    e.preventDefault();
    go[e.key]!();
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

  // Said once for the whole tree: formatting a message per row costs more than the row.
  const draftLabel = t('tree.draft');
  const moveHint = t('tree.moveHint');
  const render = (list: TreeNodeData[], depth: number) =>
    list.map((n, index) => {
      const folded = n.children.length > 0 && isFolded(n);
      const groupId = `${uid}-group-${n.id}`;
      const dropAt = drop?.id === n.id ? drop.where : undefined;
      // The row: the drag's source and target, and the ref the « Déplacer » menu is placed under.
      const row = {
        ref: (el: HTMLElement | null) => {
          if (el) rows.current.set(n.id, el);
          else rows.current.delete(n.id);
        },
        draggable: n.canMove && !busy,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', n.title);
          setDrag(n.id);
        },
        onDragEnd: () => {
          setDrag(null);
          setDrop(null);
        },
        onDragOver: (e: DragEvent) => onDragOver(e, n),
        onDragLeave: () => setDrop((d) => (d?.id === n.id ? null : d)),
        onDrop: (e: DragEvent) => onDrop(e, n),
        style: { paddingLeft: depth * 14 },
      };
      const rowClass = `tree-row${drag === n.id ? ' tree-dragging' : ''}`;
      const content = (
        <>
          {/* The pointer's way to fold; the keyboard's is → and ← on the page. */}
          {/* A page without sub-pages has its icon drawn by the row itself (.tree-leaf-row). */}
          {n.children.length > 0 && <span className={folded ? 'tree-fold tree-folded' : 'tree-fold'} aria-hidden onClick={() => setFolded(n.id, !folded)} title={folded ? t('tree.unfold', { title: n.title }) : t('tree.fold', { title: n.title })} />}
          {/* A plain link the shell navigates inside the app (data-nav): next/link in every row of a 400-page tree cost more to render than the rest of the row. */}
          <a
            href={`/pages/${n.id}`}
            data-nav
            role="treeitem"
            className="tree-link"
            tabIndex={tabStop?.node.id === n.id ? 0 : -1}
            aria-level={depth + 1}
            aria-setsize={list.length}
            aria-posinset={index + 1}
            aria-expanded={n.children.length ? !folded : undefined}
            aria-owns={n.children.length && !folded ? groupId : undefined}
            aria-current={n.id === currentPageId ? 'page' : undefined}
            aria-keyshortcuts={n.canMove ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowRight Alt+ArrowLeft Shift+F10' : undefined}
            ref={(el) => {
              if (el) links.current.set(n.id, el);
              else links.current.delete(n.id);
            }}
            onFocus={() => setActive(n.id)}
            onKeyDown={(e) => onKey(e, n)}
          >
            {n.title}
            {n.status === 'draft' && <span className="tree-draft"> · {draftLabel}</span>}
          </a>
          {n.canMove && hydrated && (
            // For the pointer only: a tree holds pages, nothing else, and the keyboard has
            // Alt+arrows and Maj+F10 (the same menu) on the page itself.
            <button
              type="button"
              className="tree-move"
              tabIndex={-1}
              aria-hidden
              title={moveHint}
              onClick={() => (menuFor === n.id ? setMenuFor(null) : openMenu(n.id))}
            />
          )}
        </>
      );
      // A page without sub-pages is its row: one element fewer per page of a flat tree.
      if (n.children.length === 0)
        return (
          <li key={n.id} role="none" className={`tree-item ${rowClass} tree-leaf-row`} data-drop={dropAt} {...row}>
            {content}
          </li>
        );
      return (
        <li key={n.id} role="none" className="tree-item" data-drop={dropAt}>
          <div role="none" className={rowClass} {...row}>
            {content}
          </div>
          {!folded && (
            <ul role="group" id={groupId}>
              {render(n.children, depth + 1)}
            </ul>
          )}
        </li>
      );
    });

  const menuNode = menuFor ? locate(nodes, menuFor)?.node : undefined;
  return (
    <div className="page-tree">
      {nodes.length === 0 ? (
        <p className="small muted tree-empty">{t('tree.empty')}</p>
      ) : (
        <ul role="tree" aria-label={label}>
          {render(top, 0)}
        </ul>
      )}
      {capped && (
        <button
          type="button"
          className="btn btn-small tree-more"
          onClick={() => {
            const next = nodes[top.length]!.id;
            flushSync(() => setShowAll(true));
            focusItem(next);
          }}
        >
          {t('tree.showAll', { count: nodes.length - top.length })}
        </button>
      )}
      {menuNode && (
        <MoveMenu
          id={`${uid}-move-${menuNode.id}`}
          label={t('tree.moveMenu', { title: menuNode.title })}
          top={menuTop}
          choices={(['up', 'down', 'in', 'out'] as const).map((dir) => ({ dir, label: t(`tree.${dir}`), enabled: !busy && target(nodes, menuNode.id, dir) !== null }))}
          onChoose={(dir) => {
            setMenuFor(null);
            moveBy(menuNode.id, dir);
          }}
          onClose={() => {
            setMenuFor(null);
            focusItem(menuNode.id);
          }}
        />
      )}
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

type Dir = 'up' | 'down' | 'in' | 'out';

/** The « Déplacer » menu of one page, just under its row (outside the tree: a tree holds only pages). */
function MoveMenu({ id, label, top, choices, onChoose, onClose }: { id: string; label: string; top: number; choices: { dir: Dir; label: string; enabled: boolean }[]; onChoose: (dir: Dir) => void; onClose: () => void }) {
  return (
    <div
      id={id}
      className="tree-menu"
      role="group"
      aria-label={label}
      style={{ top }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      {choices.map((c) => (
        <button key={c.dir} type="button" className="btn btn-small" disabled={!c.enabled} onClick={() => onChoose(c.dir)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
