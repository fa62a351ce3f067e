import { describe, expect, it } from 'vitest';
import { newReceipt, normalizeReceipt, receiptHash } from './receipts';

describe('receipt codes', () => {
  it('are 16 characters of an alphabet without I, L, O, U, in four groups, and differ each time', () => {
    const codes = Array.from({ length: 200 }, newReceipt);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up: the bits are spread over the whole alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('are read back as typed: case, spaces and dashes ignored, O as 0, I and L as 1', () => {
    expect(normalizeReceipt('7kq2 m9xd-0a1b-c3d4')).toBe('7KQ2M9XD0A1BC3D4');
    expect(normalizeReceipt('7KQ2-M9XD-OAlB-C3D4')).toBe('7KQ2M9XD0A1BC3D4');
    expect(receiptHash('7kq2m9xdoaibc3d4')).toBe(receiptHash('7KQ2-M9XD-0A1B-C3D4'));
    for (const bad of ['', '7KQ2-M9XD', '7KQ2-M9XD-0A1B-C3D4-XXXX', '7KQ2-M9XD-0A1B-C3DU']) expect(normalizeReceipt(bad)).toBeNull();
    expect(() => receiptHash('nope')).toThrow();
  });
});
