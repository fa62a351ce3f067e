/**
 * The close reason (beside code 4403) that tells an editor its socket was closed because the
 * person may now only read the page (archived, left the space): the browser drops the edits it
 * could no longer save and offers to reopen the page read-only. Shared by server and browser.
 */
export const READ_ONLY_NOW = 'read only';

/**
 * Close code of a socket that sent an update the page cannot hold (an element the editor schema
 * does not know, nesting past MAX_BODY_DEPTH): nothing of it was stored or relayed. The editor
 * stops reconnecting (it would send the same update again) and says the change was refused.
 */
export const INVALID_DOCUMENT = 4400;
