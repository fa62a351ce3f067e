import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySecurityHeaders, contentSecurityPolicy, securityHeaders } from './security-headers';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('contentSecurityPolicy', () => {
  it('allows scripts from this site and with the nonce only, never inline or eval in production', () => {
    const csp = directives(contentSecurityPolicy('abc123', { origin: 'http://localhost:3000', dev: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:3000']);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('uses wss behind https, and lets dev builds eval', () => {
    const csp = directives(contentSecurityPolicy('n', { origin: 'https://coopol.example', dev: true }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://coopol.example']);
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only when the site is served over https', () => {
    expect(securityHeaders('n', { origin: 'http://localhost:3000', dev: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('n', { origin: 'https://coopol.example', dev: false })['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
  });
});

describe('applySecurityHeaders', () => {
  let server: http.Server;
  let base: string;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      applySecurityHeaders(req, res, { origin: 'http://localhost:3000', dev: false });
      seen.push(String(req.headers['content-security-policy']));
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers with the headers, a fresh nonce each time, and replaces a policy the client sent', async () => {
    const a = await fetch(base, { headers: { 'content-security-policy': "script-src 'nonce-chosen-by-attacker'" } });
    const b = await fetch(base);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const nonceOf = (csp: string | null | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    expect(nonceOf(a.headers.get('content-security-policy'))).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(nonceOf(a.headers.get('content-security-policy'))).not.toBe(nonceOf(b.headers.get('content-security-policy')));
    // Next reads the request's policy for the nonce: it must be ours, the one answered.
    expect(seen[0]).toBe(a.headers.get('content-security-policy'));
    expect(seen[0]).not.toContain('chosen-by-attacker');
  });
});
