/**
 * A person's colour in the editor (caret, presence avatar), stable across sessions and computed
 * the same way on the server (awareness is rewritten from the session) and for the page render.
 */
export const USER_COLORS = ['#b3261e', '#2456a6', '#1f7a4d', '#8a5a00', '#7b3fa0', '#00707a', '#c2410c', '#4d5bd1'] as const;

export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return USER_COLORS[h % USER_COLORS.length]!;
}
