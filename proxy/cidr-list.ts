/**
 * Address ranges as `BANANA_TRUSTED_PROXIES` gives them (`10.0.0.0/8`, `192.168.1.10`, `fd00::/8`), checked with
 * Node's `net.BlockList`. A list is built once per setting and kept.
 */
import { BlockList, isIP } from 'node:net';

const lists = new WeakMap<readonly string[], BlockList>();

/** True when `address` is inside one of `cidrs` (each `a.b.c.d/n`, `x::/n` or a single address). */
export function isTrusted(address: string, cidrs: readonly string[]): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  let list = lists.get(cidrs);
  if (!list) {
    list = blockListOf(cidrs);
    lists.set(cidrs, list);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A BlockList of CIDRs; throws a plain Error naming the entry that is not one. */
export function blockListOf(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix] = cidr.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`"${cidr}" is not an address or CIDR (e.g. 10.0.0.0/8, 192.168.1.10, fd00::/8)`);
    }
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}
