import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect';

const ORIGIN = 'https://coopol.example';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeReturnPath('/pages/abc')).toBe('/pages/abc');
    expect(safeReturnPath('/recherche?q=budget#r')).toBe('/recherche?q=budget#r');
    expect(safeReturnPath('/espaces/a%20b')).toBe('/espaces/a%20b');
  });

  it.each([
    ['//evil.example'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['\t//evil.example'],
    [' //evil.example'],
    ['/.//evil.example'],
    ['/./\\evil.example'],
    ['https://evil.example/'],
    ['http:evil.example'],
    ['https:/evil.example'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['evil.example'],
  ])('refuses %j', (value) => {
    const out = safeReturnPath(value, '/', ORIGIN);
    expect(out === '/' || new URL(out, ORIGIN).origin === ORIGIN).toBe(true);
    expect(new URL(out, 'https://other.example').host).toBe('other.example');
  });

  it('sends off-site and scheme values to the fallback', () => {
    for (const v of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/.//evil.example', 'javascript:alert(1)', 'https://evil.example/x']) {
      expect(safeReturnPath(v, '/', ORIGIN)).toBe('/');
    }
  });

  it('never returns a control character (a newline in Location answered 500)', () => {
    expect(safeReturnPath('/pages/a\nb\tc\r', '/', ORIGIN)).toBe('/pages/abc');
    expect([...safeReturnPath('/pages/\u0000x', '/', ORIGIN)].every((c) => c.charCodeAt(0) > 0x20)).toBe(true);
  });

  it('accepts a full URL of our own origin as its path, and refuses it when the origin is not given', () => {
    expect(safeReturnPath(`${ORIGIN}/pages/abc?x=1`, '/', ORIGIN)).toBe('/pages/abc?x=1');
    expect(safeReturnPath('https://coopol.example.evil.example/pages', '/', ORIGIN)).toBe('/');
    expect(safeReturnPath('https://coopol.example@evil.example/', '/', ORIGIN)).toBe('/');
    expect(safeReturnPath(`${ORIGIN}/pages/abc`)).toBe('/');
  });

  it('uses the fallback for a path whose percent-encoding does not decode', () => {
    expect(safeReturnPath('/%ZZ', '/', ORIGIN)).toBe('/');
    expect(safeReturnPath('/pages/%E0%A4%A', '/', ORIGIN)).toBe('/');
    expect(safeReturnPath('/recherche?q=%ZZ', '/', ORIGIN)).toBe('/recherche?q=%ZZ');
  });

  it('uses the fallback for empty values', () => {
    expect(safeReturnPath('', '/accueil')).toBe('/accueil');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
