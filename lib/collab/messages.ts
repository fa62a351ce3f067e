/**
 * Coopol's one message beyond the y-websocket protocol (sync 0, awareness 1, auth 2, query
 * awareness 3), shared by server and browser: "pages this document links to were renamed,
 * moved, hidden or shown again". It carries nothing: each client asks for the titles again
 * through the permission-checked route, so no title reaches someone who may not read it. A
 * stock client that does not know the type logs it and goes on.
 */
export const MESSAGE_LINK_TARGETS_CHANGED = 100;

/**
 * "This text's amendments changed" (proposed, supported, decided, put to the vote): each client
 * asks for the list again through its permission-checked action, so the message carries nothing
 * and a decision shows at once to everyone who has the text open.
 */
export const MESSAGE_AMENDMENTS_CHANGED = 101;

/** The window event the editor dispatches on MESSAGE_AMENDMENTS_CHANGED (`detail: { pageId }`), for the amendments' screens. */
export const AMENDMENTS_CHANGED_EVENT = 'coopol:amendments-changed';
