import { canonicalAddress, ipv6Groups } from "./ipv6";

/**
 * The network part of an address, the host part hidden: IPv4 keeps its first two octets
 * (`10.0.x.x`: the site, VPC or pod network stays readable, the host does not), IPv6 its first 48
 * bits, written as the prefix (`2001:db8:ffff::/48`, the usual site allocation, RFC 6177), and an
 * IPv4-mapped IPv6 address is masked as its IPv4 address. Anything else becomes `x`.
 *
 * @example maskPrefix("10.0.3.7") === "10.0.x.x"
 * @example maskPrefix("2001:db8:ffff:21::2") === "2001:db8:ffff::/48"
 */
function maskPrefix(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(mapped?.[1] ?? address);
  if (ipv4) return `${mapped ? "::ffff:" : ""}${ipv4[1] ?? ""}.${ipv4[2] ?? ""}.x.x`;
  const groups = ipv6Groups(address);
  if (!groups) return "x";
  const prefix = canonicalAddress(
    [...groups.slice(0, 3), 0, 0, 0, 0, 0].map((group) => group.toString(16)).join(":"),
  );
  return `${prefix ?? "x"}/48`;
}

/**
 * A masker for one summary: each distinct address becomes its masked prefix and a number that
 * tells addresses under the same prefix apart (`10.0.x.x#1`, `10.0.x.x#2`), numbered in the order
 * they are first masked. The same address always gets the same text, so a destination in the top
 * list and in a finding still read as one.
 *
 * @example const mask = createAddressMask(); mask("10.0.3.7") === "10.0.x.x#1"; mask("10.0.9.1") === "10.0.x.x#2"
 */
export function createAddressMask(): (address: string) => string {
  const given = new Map<string, string>();
  const perPrefix = new Map<string, number>();
  return (address) => {
    const known = given.get(address);
    if (known !== undefined) return known;
    const prefix = maskPrefix(address);
    const n = (perPrefix.get(prefix) ?? 0) + 1;
    perPrefix.set(prefix, n);
    const masked = `${prefix}#${n}`;
    given.set(address, masked);
    return masked;
  };
}
