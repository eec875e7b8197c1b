import ipaddr from 'ipaddr.js';
import { UserError } from '../../shared/errors.js';

/**
 * The addresses a partner may call from. Entries are stored normalised (`203.0.113.0/24`,
 * `2001:db8::/32`); a bare address is a range of one. IPv4 is accepted only in its usual four
 * decimal parts: `10.1` or `0x7f.1` are valid to inet_aton but never what an admin meant.
 */
export function normaliseCidr(entry: string): string {
  const text = entry.trim();
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address) throw new UserError('PARTNER_BAD_CIDR', { cidr: entry });
  const ip = parseStrict(address);
  const max = ip?.kind() === 'ipv4' ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!ip || !(prefix >= 0 && prefix <= max)) throw new UserError('PARTNER_BAD_CIDR', { cidr: entry });
  // The network address, so `10.0.0.7/24` is stored (and shown) as the range it means.
  const network = ip.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.toString()}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/${prefix}`);
  return `${network.toString()}/${prefix}`;
}

/** True when the caller's address lies in one of the ranges; `::ffff:1.2.3.4` is taken as `1.2.3.4`. */
export function addressAllowed(allowlist: readonly string[], address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const caller = ipaddr.process(address);
  return allowlist.some((entry) => {
    const [network, bits] = ipaddr.parseCIDR(entry);
    return network.kind() === caller.kind() && caller.match(network, bits);
  });
}

function parseStrict(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return ipaddr.IPv4.parse(address);
  if (ipaddr.IPv6.isValid(address)) return ipaddr.IPv6.parse(address);
  return null;
}
