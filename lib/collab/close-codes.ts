/**
 * The collaboration server's close codes, one table for the server that sends them and the
 * editor that reads them (DESIGN.md: 4401 no valid credentials, 4404 no such page or not
 * readable, 4403 rights withdrawn, 1009 message too large, 4429 a limit reached).
 */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  invalidPayload: 1007,
  tooLarge: 1009,
  serverError: 1011,
  restart: 1012,
  /**
   * An update the page cannot hold (an element the editor schema does not know, nesting past
   * MAX_BODY_DEPTH): nothing of it was stored or relayed. The editor stops reconnecting (it would
   * send the same update again) and says the change was refused.
   */
  invalidDocument: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  /**
   * The page was opened at another address of this same server than the one it knows itself by
   * (AUTH_URL: 127.0.0.1 for localhost, say), so its session cookie is not taken; the close
   * reason is the server's own origin, which the editor offers to open instead.
   */
  wrongOrigin: 4421,
  limit: 4429,
} as const;

/** The closes that end a connection for good: the editor stops reconnecting and says why. */
export const TERMINAL_CLOSES = ['unauthenticated', 'forbidden', 'notFound', 'wrongOrigin', 'limit', 'tooLarge', 'invalidDocument'] as const satisfies readonly (keyof typeof CLOSE)[];
export type TerminalClose = (typeof TERMINAL_CLOSES)[number];

/** Which terminal close a code is, by code. */
export const TERMINAL_BY_CODE: ReadonlyMap<number, TerminalClose> = new Map(TERMINAL_CLOSES.map((name) => [CLOSE[name], name]));

/**
 * The close reason (beside code 4403) that tells an editor its socket was closed because the
 * person may now only read the page (archived, left the space): the browser drops the edits it
 * could no longer save and offers to reopen the page read-only.
 */
export const READ_ONLY_NOW = 'read only';
