import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/server/http/clientKey.ts';

describe('the address a limit counts', () => {
  it('[14.5] is an IPv4 address as it is, and an IPv6 one by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:14:5::1')).toBe('2001:db8:14:5::/64');
    expect(clientKey('2001:0db8:0014:0005:ffff:1:2:3')).toBe('2001:db8:14:5::/64');
    expect(clientKey('2001:db8::5:1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
