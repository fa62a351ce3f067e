/**
 * The lines of the stage's frozen numbering that a passage spans (« L12–14 »), through the line
 * numbers module (server/motions/line-numbers, `lineRangeOf`). Null while the text has no line
 * map (a chapter, or a stage before filing).
 */
import type * as Y from 'yjs';

export type LineRange = { lineFrom: number; lineTo: number };

/** Lines [lineFrom, lineTo] of `lineMap` holding the plain-text range [from, to) of `doc`; null without a map. */
export function linesOfPassage(_doc: Y.Doc, lineMap: unknown, _from: number, _to: number): LineRange | null {
  if (lineMap === null || lineMap === undefined) return null;
  return null; // the line numbers module (helper L) has not landed yet
}
