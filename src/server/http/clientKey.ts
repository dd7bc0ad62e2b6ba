import net from 'node:net';

/**
 * Who is asking, for a limit: the client's address, except that an IPv6 address counts by its
 * /64. One IPv6 subscriber is handed a whole /64 (18 quintillion addresses), so per-address
 * limits keyed on the full address let one person guess passwords, or ask for links, from as
 * many addresses as they like. An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is that IPv4.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (net.isIPv6(ip)) return `${expand(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

/** The eight groups of an IPv6 address, `::` filled in, each without leading zeros. */
function expand(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => Number.parseInt(g || '0', 16).toString(16));
}
