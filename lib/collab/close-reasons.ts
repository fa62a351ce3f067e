/**
 * The close reason (beside code 4403) that tells an editor its socket was closed because the
 * person may now only read the page (archived, left the space): the browser drops the edits it
 * could no longer save and offers to reopen the page read-only. Shared by server and browser.
 */
export const READ_ONLY_NOW = 'read only';
