/**
 * Limits of a page body, shared by the websocket guard (which refuses an update that goes past
 * them) and the server's readers (which cut off what slipped through before).
 */

/**
 * Deepest nesting of elements a body may hold, counted from the body's top-level blocks: a
 * paragraph at the top is depth 1, a list item's paragraph depth 3, a hard break or wiki link
 * inside it depth 4 (text itself does not count). Thirty levels of nested lists fit; a
 * 3,000-deep nesting, which made every recursive reader overflow the stack, does not. Readers
 * keep what lies deeper as plain text (server/pages/sanitize.ts).
 */
export const MAX_BODY_DEPTH = 64;
