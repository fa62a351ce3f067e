import { describe, expect, it } from 'vitest';
import { expectAppError } from '@/test/factories';
import { decodeCursor, encodeCursor, nameAndId, offsetUpTo, timeAndId } from './cursor';

describe('cursor codec', () => {
  it('gives back the key it encoded, in each list’s shape', () => {
    expect(decodeCursor(encodeCursor({ t: 1700000000000, id: 'p1' }), timeAndId)).toEqual({ t: 1700000000000, id: 'p1' });
    expect(decodeCursor(encodeCursor(['Colmar', 's1']), nameAndId)).toEqual(['Colmar', 's1']);
    expect(decodeCursor(encodeCursor({ o: 40 }), offsetUpTo(1000))).toBe(40);
  });

  it('no cursor is the first page', () => {
    expect(decodeCursor(undefined, timeAndId)).toBeNull();
    expect(decodeCursor('', nameAndId)).toBeNull();
  });

  it('anything else is invalid_input on the cursor field', () => {
    for (const bad of ['!!', 'nope', encodeCursor(null), encodeCursor({ t: '1', id: 'x' })]) expectAppError(() => decodeCursor(bad, timeAndId), 'invalid_input', 'cursor');
    expectAppError(() => decodeCursor(encodeCursor(['only one']), nameAndId), 'invalid_input', 'cursor');
    expectAppError(() => decodeCursor(encodeCursor({ o: 1001 }), offsetUpTo(1000)), 'invalid_input', 'cursor');
    expectAppError(() => decodeCursor(encodeCursor({ o: 1.5 }), offsetUpTo(1000)), 'invalid_input', 'cursor');
  });
});
