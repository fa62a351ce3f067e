/**
 * The one place typed search text is cut into words, as the FTS5 `unicode61` tokenizer cuts the
 * indexed text: runs of letters and digits (Unicode, NFC), everything else a separator, so no
 * operator, quote or column syntax of the query language survives. Full-text search, the title
 * search of `[[` and the snippet's highlighting all read the same words.
 */
export function searchWords(q: string, max: number): string[] {
  return q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, max);
}
