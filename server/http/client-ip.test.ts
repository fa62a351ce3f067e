import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const req = (xff: string | undefined, peer = '10.0.0.2') => ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: peer } }) as never;

describe('clientIp', () => {
  it('believes only the socket peer when no proxy is trusted', () => {
    expect(clientIp(req('1.2.3.4'), 0)).toBe('10.0.0.2');
    expect(clientIp(req(undefined), 0)).toBe('10.0.0.2');
  });

  it('behind N proxies takes the Nth address from the right, never what the client wrote', () => {
    // The client forged "6.6.6.6"; the one proxy appended the real address it saw.
    expect(clientIp(req('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(req('6.6.6.6, 203.0.113.7, 10.0.0.9'), 2)).toBe('203.0.113.7');
    // Fewer hops than trusted proxies: the leftmost, then the peer.
    expect(clientIp(req('203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientIp(req(undefined), 1)).toBe('10.0.0.2');
  });
});
