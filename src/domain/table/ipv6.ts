/**
 * One spelling per address, so that entries read from `/proc/net/nf_conntrack` and from
 * `conntrack -L` group together: the kernel prints IPv6 with `%pI6`, eight zero-padded groups
 * (`ct_seq_show()` → `print_tuple()` in net/netfilter/nf_conntrack_standalone.c), while
 * conntrack-tools prints `inet_ntop()`'s compressed form (libnetfilter_conntrack
 * src/conntrack/snprintf_default.c, `__snprintf_address_ipv6()`).
 */

const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The four octets of a dotted IPv4 address, or null. */
function ipv4Octets(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address in any RFC 4291 spelling, or null. */
export function ipv6Groups(text: string): number[] | null {
  const lower = text.toLowerCase();
  const halves = lower.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === "") return [];
    const groups: number[] = [];
    const pieces = part.split(":");
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes(".")) {
        const octets = ipv4Octets(piece);
        if (!octets) return null;
        const [a = 0, b = 0, c = 0, d = 0] = octets;
        groups.push(a * 256 + b, c * 256 + d);
      } else if (HEX_GROUP.test(piece)) groups.push(parseInt(piece, 16));
      else return null;
    }
    return groups;
  };
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/**
 * Whether a text is a dotted IPv4 address already in canonical form (four octets of at most 255,
 * no leading zeros): the common case, told by one pass over the characters with nothing
 * allocated, since every entry has four addresses.
 */
function isCanonicalIpv4(text: string): boolean {
  let dots = 0;
  let digits = 0;
  let octet = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return false;
      dots += 1;
      digits = 0;
      octet = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return false;
      octet = octet * 10 + c - 48;
      digits += 1;
      if (octet > 255) return false;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

/**
 * An address as one canonical text: IPv4 as given (without leading zeros), IPv6 in RFC 5952 form
 * (lower case, no leading zeros, the longest run of two or more zero groups as `::`, the first on a
 * tie; an IPv4-mapped address ends in dotted form, as `inet_ntop()` writes it). Null if it is
 * neither.
 *
 * @example canonicalAddress("0000:0000:0000:0000:0000:0000:0000:0001") === "::1"
 * @example canonicalAddress("2001:0db8:ffff:0021:0000:0000:0000:0002") === "2001:db8:ffff:21::2"
 */
export function canonicalAddress(text: string): string | null {
  if (isCanonicalIpv4(text)) return text;
  const octets = ipv4Octets(text);
  if (octets) return octets.join(".");
  if (!text.includes(":")) return null;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [, , , , , , high = 0, low = 0] = groups;
    return `::ffff:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
