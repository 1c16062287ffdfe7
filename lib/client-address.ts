import { isIP } from 'node:net';
import { env } from '@/lib/env';

/**
 * The client's address, for per-address rate limits — or undefined when it cannot be trusted.
 *
 * A Next server action sees no socket, only headers, and any client can write X-Forwarded-For.
 * So the header counts only with TRUST_PROXY_HEADERS set to the number of proxies in front of
 * the app that append the address they saw (nginx's $proxy_add_x_forwarded_for, AWS and Google
 * load balancers): the entry that many places from the right is the one our nearest proxy wrote,
 * whatever the client put before it. X-Real-IP is used when X-Forwarded-For is absent.
 * Without the setting, per-address limits are skipped: one shared key would lock everyone out.
 *
 * IPv6 addresses count by their /64, which one home connection usually gets whole.
 */
export function clientAddress(headers: Headers, trustedProxies = env().TRUST_PROXY_HEADERS ?? 0): string | undefined {
  if (trustedProxies < 1) return undefined;
  const forwarded = headers.get('x-forwarded-for');
  const hops = forwarded ? forwarded.split(',').map((s) => s.trim()) : [];
  const raw = hops.length ? hops[Math.max(0, hops.length - trustedProxies)] : headers.get('x-real-ip')?.trim();
  return raw ? addressKey(raw) : undefined;
}

/** An address as a rate-limit key: IPv4 as is, IPv6 as its /64; undefined when it is not an address. */
export function addressKey(raw: string): string | undefined {
  // "[::1]:8080" and "1.2.3.4:8080": some proxies keep the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw);
  let address = bracketed ? bracketed[1]! : raw;
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return undefined;
  const groups = expandIPv6(address);
  // An IPv4 client seen through a dual-stack socket (::ffff:1.2.3.4) is that IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

function expandIPv6(address: string): number[] {
  let text = address.split('%')[0]!;
  // A trailing dotted IPv4 part stands for the last two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
