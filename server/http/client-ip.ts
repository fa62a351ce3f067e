import type { IncomingMessage } from 'node:http';

/**
 * The address of the person behind a request, for rate limits and per-IP connection caps.
 * With `trustedProxies = 0` (the default) it is the socket's peer: nobody can forge it. Behind
 * N reverse proxies (`TRUST_PROXY=N`), each proxy appends the address it saw to
 * X-Forwarded-For, so the client is the Nth entry from the right; entries further left were
 * written by the client itself and are never believed.
 */
export function clientIp(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxies] ?? hops[0] ?? peer;
}
