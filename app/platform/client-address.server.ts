import { isIPv4, isIPv6 } from "node:net";

/**
 * The shopper's address as our trusted proxies reported it, for per-address limits.
 *
 * X-Forwarded-For grows to the right: every proxy appends the address it received the request
 * from. Only the entries appended by proxies we trust are facts; whatever is further left came from
 * the client and may be forged. So the client is the entry `trustedHops` from the right
 * (`TRUSTED_PROXY_HOPS`: 1 when Shopify's App Proxy connects to the app directly, which appends the
 * shopper's address; 2 with a load balancer in front that appends Shopify's address too). With
 * fewer entries than hops, or a value that is not an IP literal, there is no usable address and
 * callers fall back to other keys — never a shared "unknown" bucket that junk could fill.
 *
 * Keys are normalised so one client cannot appear as many: IPv4-mapped IPv6 becomes IPv4, IPv6 is
 * keyed by its /64 (one subscriber's allocation; rotating the interface id gains nothing).
 */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  if (!forwardedFor) return null;
  // Only the right-hand end is read, whatever the header's size: the client controls everything to
  // the left, so discarding a long header would let padding switch the per-address limits off.
  let end = forwardedFor.length;
  for (let hop = 1; hop < trustedHops; hop++) {
    end = forwardedFor.lastIndexOf(",", end - 1);
    if (end < 0) return null;
  }
  const start = forwardedFor.lastIndexOf(",", end - 1) + 1;
  // No address literal (with brackets, port and zone) is longer; a longer entry is not one.
  if (end - start > MAX_ENTRY_CHARS) return null;
  return addressKey(forwardedFor.slice(start, end));
}

const MAX_ENTRY_CHARS = 100;

/**
 * The key the abuse caps count a client by: an IPv6 /64 widened to its /56. Providers delegate a
 * /56 to one subscriber (RIPE-690 and most residential ISPs; RFC 6177 allows /48 to /64), so a
 * shopper with one line can pick from 256 /64s — per /64 caps were escaped with three of them.
 * The per-minute rate limits keep the /64, where a shared /56 (a carrier pool) would wrongly hold
 * back many phones at once; the caps (a few cases an hour) tolerate that sharing better than an
 * escape. IPv4 keys are returned as they are.
 */
export function capAddressKey(key: string | null): string | null {
  if (!key?.endsWith("/64")) return key;
  const groups = expandIPv6(key.slice(0, -3));
  if (!groups) return key;
  return `${compressIPv6([...groups.slice(0, 3), groups[3]! & 0xff00, 0, 0, 0, 0])}/56`;
}

/** A forwarded address as a limit key ("1.2.3.4", "2001:db8:0:1::/64"), or null if it is not one. */
export function addressKey(raw: string): string | null {
  let value = raw.trim();
  // "[v6]:port", "[v6]" and "v4:port" are all seen in the wild; zones name a local interface.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  const groups = expandIPv6(value);
  if (!groups) return null;
  // ::ffff:a.b.c.d (IPv4-mapped) is the IPv4 client a dual-stack listener saw.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return `${compressIPv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

function expandIPv6(value: string): number[] | null {
  let text = value;
  // A trailing dotted quad stands for the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** RFC 5952 text: lower-case, no leading zeros, the longest run of two or more zero groups as "::". */
function compressIPv6(groups: number[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}
