import { describe, expect, it } from 'vitest';
import { describeDevice } from './describe-device';

describe('describeDevice', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', { browser: 'Firefox', system: 'Windows', kind: 'desktop' }],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', { browser: 'Safari', system: 'macOS', kind: 'desktop' }],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', { browser: 'Safari', system: 'iPhone', kind: 'mobile' }],
    ['Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', { browser: 'Chrome', system: 'Android', kind: 'mobile' }],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', { browser: 'Microsoft Edge', system: 'Linux', kind: 'desktop' }],
  ])('names the browser and system of %s', (ua, expected) => {
    expect(describeDevice(ua)).toEqual(expected);
  });

  it('says nothing rather than guessing for a missing or unknown agent', () => {
    expect(describeDevice(null)).toEqual({ browser: null, system: null, kind: null });
    expect(describeDevice('curl/8.5.0').system).toBeNull();
  });
});
