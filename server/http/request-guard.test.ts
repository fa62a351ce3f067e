import { describe, expect, it } from 'vitest';
import { refusalBody, refusalOf } from './request-guard';

const SITE = 'http://localhost:3000';
const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers: { host: 'localhost:3000', ...headers } });

describe('refusalOf', () => {
  it('refuses paths whose percent-encoding does not decode, with a 400', () => {
    for (const url of ['/pages/%E0%A4%A', '/api/v1/pages/%ZZ', '/%', '/pages/%C3', 'http://localhost:3000/pages/%ZZ']) {
      expect(refusalOf(req('GET', url), SITE), url).toMatchObject({ status: 400, code: 'invalid_input' });
    }
  });

  it('lets well-formed paths through, whatever the query holds', () => {
    for (const url of ['/', '/pages/abc', '/recherche?q=%ZZ', '/espaces/caf%C3%A9', '/a%2Fb', '/?x=%']) {
      expect(refusalOf(req('GET', url), SITE), url).toBeNull();
    }
  });

  it('refuses a cross-site write to a page or server action with a 403', () => {
    const action = { 'next-action': '7f00aa', origin: 'https://evil.example' };
    expect(refusalOf(req('POST', '/connexion', action), SITE)).toMatchObject({ status: 403, code: 'forbidden' });
    expect(refusalOf(req('POST', '/compte', { origin: 'null' }), SITE)).toMatchObject({ status: 403 });
    expect(refusalOf(req('POST', '/compte', { origin: 'http://localhost:3000.evil.example' }), SITE)).toMatchObject({ status: 403 });
  });

  it('lets same-site writes, writes without Origin, reads and the JSON API through', () => {
    expect(refusalOf(req('POST', '/connexion', { 'next-action': 'x', origin: SITE }), SITE)).toBeNull();
    expect(refusalOf(req('POST', '/connexion', { origin: 'http://localhost:3000' }), 'https://coopol.example')).toBeNull(); // the host it was sent to
    expect(refusalOf(req('POST', '/connexion', { 'next-action': 'x' }), SITE)).toBeNull();
    expect(refusalOf(req('GET', '/connexion', { origin: 'https://evil.example' }), SITE)).toBeNull();
    expect(refusalOf(req('POST', '/api/v1/pages', { origin: 'https://evil.example' }), SITE)).toBeNull();
  });
});

describe('refusalBody', () => {
  it('answers the API in its JSON error shape and pages in text', () => {
    const r = { status: 400 as const, code: 'invalid_input' as const, message: 'bad' };
    expect(JSON.parse(refusalBody(r, '/api/v1/pages/%ZZ').body)).toEqual({ error: { code: 'invalid_input', message: 'bad' } });
    expect(refusalBody(r, '/pages/%ZZ').contentType).toMatch(/^text\/plain/);
  });
});
