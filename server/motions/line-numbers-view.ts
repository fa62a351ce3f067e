/**
 * A motion's line numbers as its page shows them: the current stage's frozen numbering put on the
 * text the reader gets (the live document for members, the published version for the public),
 * as the first HTML with the numbers in it and as the places the live editor draws them.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { LineNumberInput } from '@/lib/editor/line-numbers';
import { docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { getDeliberation } from '@/server/deliberations/stage-log';
import { editorSchema, jsonToHTML, jsonToYState } from '@/server/pages/body';
import { currentLines, isLineMap, type CurrentLine, type LineMap } from './line-numbers';

export type PageLineNumbers = {
  stage: LineMap['stage'];
  lineLength: number;
  /** How many lines the stage numbered. */
  count: number;
  /** Where to draw them (lines sharing a place, their words gone, as one « 12–13 »). */
  lines: LineNumberInput[];
  /** The body's HTML with the numbers in it (the same spans the editor draws). */
  html: string;
};

/** Markers no text holds (Unicode private use), put in the text where numbers go and then turned into spans. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000([^\uE001]*)\uE001/g;

/** Lines sharing a place as one label. */
export function groupLines(lines: readonly CurrentLine[]): LineNumberInput[] {
  const out: LineNumberInput[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.pos === l.pos) j++;
    const present = lines.slice(i, j + 1).find((x) => x.start) ?? l;
    out.push({ label: j > i ? `${l.number}–${lines[j]!.number}` : String(l.number), start: present.start, pos: l.pos, words: present.words });
    i = j;
  }
  return out;
}

/** `json` rendered with a number span before the first character of each line. */
export function htmlWithLineNumbers(json: JSONContent, lines: readonly LineNumberInput[]): string {
  const doc = editorSchema.nodeFromJSON(json);
  const tr = EditorState.create({ doc }).tr;
  // From the last to the first, so the positions before each insertion still hold.
  for (const l of [...lines].sort((a, b) => b.pos - a.pos)) {
    try {
      tr.insertText(`${OPEN}${l.label}${CLOSE}`, l.pos);
    } catch {
      // not a place for text (should not happen: lines begin in textblocks): that number is left out
    }
  }
  return jsonToHTML(tr.doc.toJSON() as JSONContent).replace(MARKER, (_, label: string) => `<span class="line-number" aria-hidden="true" data-line="${label.replace(/[^0-9–]/g, '')}"></span>`);
}

/**
 * The line numbers of a page's current stage on the body a reader gets (`json`: the live text or a
 * published version, with its links titled for this reader). The numbers go in the HTML where the
 * lines' words are in that body; for a reader of the live document (`live`), each line also comes
 * with its start in the live Y.Doc, which the editor follows. Null when the page has none (not a
 * motion, or not yet filed).
 */
export function pageLineNumbers(pageId: string, json: JSONContent, { live }: { live: boolean }): PageLineNumbers | null {
  const lineMap = getDeliberation(pageId)?.lineMap;
  if (!isLineMap(lineMap)) return null;
  const linesIn = (state: Uint8Array) => {
    const doc: Y.Doc = docOfState(state);
    try {
      return groupLines(currentLines(doc, lineMap));
    } finally {
      doc.destroy();
    }
  };
  // The body's own items are not the live document's: its lines are found there by their words.
  const shown = linesIn(jsonToYState(json));
  return {
    stage: lineMap.stage,
    lineLength: lineMap.lineLength,
    count: lineMap.lines.length,
    lines: live ? linesIn(liveDocState(pageId)) : shown,
    html: htmlWithLineNumbers(json, shown),
  };
}
