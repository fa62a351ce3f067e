/**
 * What the account page says about a session's browser: « Firefox · Windows », « Safari ·
 * iPhone ». Parsed on the server from the stored User-Agent with bowser (MIT, no dependency);
 * only these names reach the page, not the raw header.
 */
import Bowser from 'bowser';

export type DeviceKind = 'desktop' | 'mobile' | 'tablet';
export type Device = { browser: string | null; system: string | null; kind: DeviceKind | null };

const KINDS: readonly string[] = ['desktop', 'mobile', 'tablet'] satisfies DeviceKind[];

export function describeDevice(userAgent: string | null | undefined): Device {
  if (!userAgent) return { browser: null, system: null, kind: null };
  const { browser, os, platform } = Bowser.parse(userAgent);
  // Apple names its devices plainly (iPhone, iPad); other vendors' model codes (SM-G991B) say less than « Android ».
  const system = platform.vendor === 'Apple' && platform.model ? platform.model : (os.name ?? null);
  return {
    browser: browser.name ?? null,
    system: system || null,
    kind: platform.type && KINDS.includes(platform.type) ? (platform.type as DeviceKind) : null,
  };
}
