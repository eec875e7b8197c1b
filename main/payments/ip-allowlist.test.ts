import { describe, expect, it } from 'vitest';
import { addressAllowed, normaliseCidr } from './ip-allowlist.js';

describe('partner address allowlist', () => {
  it('stores a bare address as a range of one and a range by its network address', () => {
    expect(normaliseCidr(' 203.0.113.7 ')).toBe('203.0.113.7/32');
    expect(normaliseCidr('10.0.0.7/24')).toBe('10.0.0.0/24');
    expect(normaliseCidr('2001:DB8::1/32')).toBe('2001:db8::/32');
    expect(normaliseCidr('::1')).toBe('::1/128');
  });

  it('refuses what an admin cannot have meant', () => {
    for (const entry of ['10.1', '0x7f.0.0.1', '300.0.0.1', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/1', 'bank.example', '2001:db8::/129']) {
      expect(() => normaliseCidr(entry), entry).toThrow(expect.objectContaining({ code: 'PARTNER_BAD_CIDR' }));
    }
  });

  it('matches IPv4 ranges, IPv4-mapped IPv6 callers and IPv6 ranges', () => {
    const allowlist = ['203.0.113.0/24', '2001:db8::/32'];
    expect(addressAllowed(allowlist, '203.0.113.200')).toBe(true);
    expect(addressAllowed(allowlist, '::ffff:203.0.113.9')).toBe(true);
    expect(addressAllowed(allowlist, '2001:db8:1::5')).toBe(true);
    expect(addressAllowed(allowlist, '203.0.114.1')).toBe(false);
    expect(addressAllowed(allowlist, '::ffff:10.0.0.1')).toBe(false);
    expect(addressAllowed(allowlist, 'not-an-address')).toBe(false);
    expect(addressAllowed([], '203.0.113.200')).toBe(false);
  });
});
