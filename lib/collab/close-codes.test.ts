import { describe, expect, it } from 'vitest';
import { CLOSE, TERMINAL_BY_CODE } from './close-codes';

describe('close codes', () => {
  it('the editor stops on the 44xx codes and on 1009, each with its reason', () => {
    expect(Object.fromEntries(TERMINAL_BY_CODE)).toEqual({
      1009: 'tooLarge',
      4400: 'invalidDocument',
      4401: 'unauthenticated',
      4403: 'forbidden',
      4404: 'notFound',
      4421: 'wrongOrigin',
      4429: 'limit',
    });
  });

  it('a restart, a server error or a closing server are retried', () => {
    for (const code of [CLOSE.normal, CLOSE.goingAway, CLOSE.serverError, CLOSE.restart]) expect(TERMINAL_BY_CODE.has(code)).toBe(false);
  });
});
