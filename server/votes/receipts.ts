/**
 * Receipt codes: given once to a voter with their ballot, never stored in clear (only their
 * SHA-256 sits on the ballot). 16 characters of Crockford's base-32 alphabet (no I, L, O, U),
 * i.e. 80 random bits, printed in four groups (`7KQ2-M9XD-…`): easy to copy by hand, read back
 * leniently (case, spaces and dashes ignored; O read as 0, I and L as 1).
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

/** A fresh receipt code, grouped by four. */
export function newReceipt(): string {
  const bytes = crypto.randomBytes((LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The code as typed → its canonical 16 characters, or null when it cannot be one. */
export function normalizeReceipt(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/** What the ballot keeps of the receipt. */
export function receiptHash(receipt: string): string {
  const code = normalizeReceipt(receipt);
  if (!code) throw new Error('Not a receipt code.');
  return crypto.createHash('sha256').update(code).digest('hex');
}
