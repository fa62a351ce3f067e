/**
 * The headers every answer carries: a Content-Security-Policy with a fresh nonce per request,
 * and the usual browser hardening. The custom server sets them (server/index.ts) rather than a
 * Next proxy: one place for every answer Next makes, pages, route handlers and static files
 * alike, without a second routing pass.
 *
 * Next reads the nonce from the `Content-Security-Policy` *request* header and puts it on its
 * own scripts (the bootstrap, the inline flight data), so scripts need no 'unsafe-inline'.
 * Styles keep 'unsafe-inline': server-rendered React `style` attributes and the editor's
 * injected stylesheet would otherwise be refused (a nonce cannot cover attributes, and a nonce
 * in style-src would switch 'unsafe-inline' off for them).
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type SecurityOptions = {
  /** The site's public origin (AUTH_URL): its websocket twin is allowed for the collab socket. */
  origin: string;
  /** Dev mode: React's dev build needs eval (call stacks, fast refresh). */
  dev: boolean;
};

export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string, { origin, dev }: SecurityOptions): string {
  const site = new URL(origin);
  const https = site.protocol === 'https:';
  const socket = `${https ? 'wss:' : 'ws:'}//${site.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${socket}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The response headers for one request (the CSP holds `nonce`). */
export function securityHeaders(nonce: string, opts: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce, opts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY', // frame-ancestors for browsers that predate it
  };
  // Only over HTTPS: a browser told to insist on HTTPS for a plain-HTTP site could not reach it.
  if (new URL(opts.origin).protocol === 'https:') headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}

/**
 * Sets the security headers on `res` and hands the policy to Next on `req` (where it finds the
 * nonce for its scripts). A policy sent by the client is replaced, never believed.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: SecurityOptions): void {
  const headers = securityHeaders(newNonce(), opts);
  req.headers['content-security-policy'] = headers['Content-Security-Policy'];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
