/**
 * Coopol's one message beyond the y-websocket protocol (sync 0, awareness 1, auth 2, query
 * awareness 3), shared by server and browser: "pages this document links to were renamed,
 * moved, hidden or shown again". It carries nothing: each client asks for the titles again
 * through the permission-checked route, so no title reaches someone who may not read it. A
 * stock client that does not know the type logs it and goes on.
 */
export const MESSAGE_LINK_TARGETS_CHANGED = 100;
