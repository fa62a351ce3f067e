/**
 * The lines of the stage's frozen numbering that a passage spans (« L12–14 »), through the line
 * numbers module. Null while the text has no line map (a chapter, or a motion not yet filed).
 */
import type * as Y from 'yjs';
import { isLineMap, lineRangeOf, type LineRange } from '@/server/motions/line-numbers';

/** Lines [lineFrom, lineTo] of `lineMap` holding the plain-text range [from, to) of `doc`; null without a map. */
export function linesOfPassage(doc: Y.Doc, lineMap: unknown, from: number, to: number): LineRange | null {
  return isLineMap(lineMap) ? lineRangeOf(doc, lineMap, from, to) : null;
}
