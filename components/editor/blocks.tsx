/**
 * The blocks a person can insert, shared by the toolbar and the `/` menu so both offer the same
 * list under the same names.
 */
import type { ChainedCommands, Editor } from '@tiptap/core';
import { Heading1, Heading2, Heading3, Image as ImageIcon, List, ListOrdered, Minus, Pilcrow, Quote, Table } from 'lucide-react';
import type { ReactNode } from 'react';
import { foldText } from '@/lib/text/fold';

export const BLOCK_IDS = ['paragraph', 'heading1', 'heading2', 'heading3', 'bulletList', 'orderedList', 'blockquote', 'table', 'horizontalRule', 'image'] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

type Block = {
  id: BlockId;
  icon: ReactNode;
  /** Extra words the `/` menu matches (French and English), besides the label. */
  keywords: string;
  /** Applies the block; `image` is handled by the caller (it opens a file picker). */
  apply?: (chain: ChainedCommands) => ChainedCommands;
  isActive?: (editor: Editor) => boolean;
};

const S = 16;

export const BLOCKS: readonly Block[] = [
  { id: 'paragraph', icon: <Pilcrow size={S} />, keywords: 'texte paragraphe text paragraph', apply: (c) => c.setParagraph() },
  { id: 'heading1', icon: <Heading1 size={S} />, keywords: 'titre h1 heading', apply: (c) => c.toggleHeading({ level: 1 }), isActive: (e) => e.isActive('heading', { level: 1 }) },
  { id: 'heading2', icon: <Heading2 size={S} />, keywords: 'titre sous-titre h2 heading', apply: (c) => c.toggleHeading({ level: 2 }), isActive: (e) => e.isActive('heading', { level: 2 }) },
  { id: 'heading3', icon: <Heading3 size={S} />, keywords: 'titre h3 heading', apply: (c) => c.toggleHeading({ level: 3 }), isActive: (e) => e.isActive('heading', { level: 3 }) },
  { id: 'bulletList', icon: <List size={S} />, keywords: 'liste puces bullet list ul', apply: (c) => c.toggleBulletList(), isActive: (e) => e.isActive('bulletList') },
  { id: 'orderedList', icon: <ListOrdered size={S} />, keywords: 'liste numérotée ordered numbered list ol', apply: (c) => c.toggleOrderedList(), isActive: (e) => e.isActive('orderedList') },
  { id: 'blockquote', icon: <Quote size={S} />, keywords: 'citation quote blockquote', apply: (c) => c.toggleBlockquote(), isActive: (e) => e.isActive('blockquote') },
  { id: 'table', icon: <Table size={S} />, keywords: 'tableau table grille grid', apply: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { id: 'horizontalRule', icon: <Minus size={S} />, keywords: 'séparateur ligne horizontal rule divider hr', apply: (c) => c.setHorizontalRule() },
  { id: 'image', icon: <ImageIcon size={S} />, keywords: 'image photo illustration picture' },
];


/** Blocks whose label or keywords contain every typed word (accents ignored). */
export function matchBlocks(query: string, label: (id: BlockId) => string): Block[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return BLOCKS.filter((b) => {
    const hay = foldText(`${label(b.id)} ${b.keywords}`);
    return words.every((w) => hay.includes(w));
  });
}
