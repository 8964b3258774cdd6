/**
 * One spelling per address, so that entries read from `/proc/net/nf_conntrack` and from
 * `conntrack -L` group together: the kernel prints IPv6 with `%pI6`, eight zero-padded groups
 * (`ct_seq_show()` → `print_tuple()` in net/netfilter/nf_conntrack_standalone.c), while
 * conntrack-tools prints `inet_ntop()`'s compressed form (libnetfilter_conntrack
 * src/conntrack/snprintf_default.c, `__snprintf_address_ipv6()`).
 *
 * An address is read in place from the listing's bytes (UTF-8, so ASCII for every character an
 * address has), with nothing allocated, into ADDRESS_WORDS numbers: its family (4 or 6) and its
 * 128 bits (IPv4 in the first word, the rest 0). Two spellings are the same address
 * exactly when their words are equal, and formatAddress() writes the one canonical text. A table
 * has four addresses per entry, so reading them without a string each is most of reading it fast.
 */

/** Numbers per address: the family, then four 32-bit words. */
export const ADDRESS_WORDS = 5;

const NONE = -1;

/** The IPv4 address `text[from, to)` as a number, or NONE: four dot-separated runs of 1-3 digits, each at most 255 (leading zeros allowed). */
function readIpv4(text: Uint8Array, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i += 1) {
    const c = text[i] ?? 0;
    if (c === 46) {
      if (digits === 0 || dots === 3) return NONE;
      value = value * 256 + octet;
      dots += 1;
      digits = 0;
      octet = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + c - 48;
      digits += 1;
      if (octet > 255) return NONE;
    } else return NONE;
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : NONE;
}

/** The value of a hex digit (either case), or NONE. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : NONE;
}

/** Groups of the IPv6 address being read: reused, since nothing may be allocated per address. */
const groups = new Int32Array(8);

/**
 * Reads the IPv6 address `text[from, to)` in any RFC 4291 spelling (groups of 1-4 hex digits in
 * either case, one `::`, a dotted IPv4 as the last piece before the end or the `::`) into `groups`;
 * false if it is not one.
 */
function readIpv6(text: Uint8Array, from: number, to: number): boolean {
  let count = 0;
  let gap = NONE;
  let i = from;
  if (to - from >= 2 && (text[i] ?? 0) === 58 && (text[i + 1] ?? 0) === 58) {
    gap = 0;
    i += 2;
    if (i === to) {
      groups.fill(0);
      return true;
    }
  }
  for (;;) {
    // One piece: up to the next ':' or the end.
    let end = i;
    let dotted = false;
    while (end < to) {
      const c = text[end] ?? 0;
      if (c === 58) break;
      if (c === 46) dotted = true;
      end += 1;
    }
    if (end === i) return false;
    const doubleColon = end + 1 < to && (text[end + 1] ?? 0) === 58;
    const last = end === to || doubleColon;
    if (dotted) {
      const ipv4 = last && count <= 6 ? readIpv4(text, i, end) : NONE;
      if (ipv4 === NONE) return false;
      groups[count] = Math.floor(ipv4 / 65536);
      groups[count + 1] = ipv4 % 65536;
      count += 2;
    } else {
      if (end - i > 4 || count === 8) return false;
      let value = 0;
      for (let j = i; j < end; j += 1) {
        const digit = hexDigit(text[j] ?? 0);
        if (digit === NONE) return false;
        value = value * 16 + digit;
      }
      groups[count] = value;
      count += 1;
    }
    if (end === to) break;
    if (doubleColon) {
      if (gap !== NONE) return false;
      gap = count;
      i = end + 2;
      if (i === to) break;
    } else i = end + 1;
  }
  if (gap === NONE) return count === 8;
  const missing = 8 - count;
  if (missing < 1) return false;
  groups.copyWithin(gap + missing, gap, count);
  groups.fill(0, gap, gap + missing);
  return true;
}

/**
 * Reads the address `text[from, to)` into `out[at, at + ADDRESS_WORDS)`: its family (4 or 6) and
 * its bits. False if it is neither an IPv4 address (leading zeros allowed) nor an IPv6 one.
 *
 * @example readAddress(asciiBytes("10.0.0.1"), 0, 8, words, 0) && words[0] === 4 && words[1] === 0x0a000001
 */
export function readAddress(
  text: Uint8Array,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): boolean {
  const ipv4 = readIpv4(text, from, to);
  if (ipv4 !== NONE) {
    out[at] = 4;
    out[at + 1] = ipv4;
    out[at + 2] = 0;
    out[at + 3] = 0;
    out[at + 4] = 0;
    return true;
  }
  if (!readIpv6(text, from, to)) return false;
  out[at] = 6;
  for (let word = 0; word < 4; word += 1) {
    out[at + 1 + word] = (groups[2 * word] ?? 0) * 65536 + (groups[2 * word + 1] ?? 0);
  }
  return true;
}

/**
 * The canonical text of the address at `words[at]`: IPv4 dotted (no leading zeros), IPv6 in RFC
 * 5952 form (lower case, no leading zeros, the longest run of two or more zero groups as `::`, the
 * first on a tie; an IPv4-mapped address ends in dotted form, as `inet_ntop()` writes it).
 */
export function formatAddress(words: ArrayLike<number>, at: number): string {
  const word = (i: number) => words[at + 1 + i] ?? 0;
  if (words[at] === 4) {
    const value = word(0);
    return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
  }
  const hex = Array.from({ length: 8 }, (_, g) =>
    g % 2 === 0 ? word(g >> 1) >>> 16 : word(g >> 1) & 0xffff,
  );
  if (word(0) === 0 && word(1) === 0 && word(2) === 0xffff) {
    const low = word(3);
    return `::ffff:${low >>> 24}.${(low >>> 16) & 255}.${(low >>> 8) & 255}.${low & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    if (hex[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && hex[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const text = hex.map((g) => g.toString(16));
  if (bestStart < 0) return text.join(":");
  return `${text.slice(0, bestStart).join(":")}::${text.slice(bestStart + bestLength).join(":")}`;
}

const scratch = new Uint32Array(ADDRESS_WORDS);

/**
 * A text's characters as bytes, for the readers of bytes: each character below 128 as itself,
 * any other as 255 (no address, number or name has one, so it fails there as it should).
 * `into` is reused when long enough.
 */
export function asciiBytes(text: string, into?: Uint8Array): Uint8Array {
  const bytes = into && into.length >= text.length ? into : new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 128 ? c : 255;
  }
  return bytes;
}

let textBytes = new Uint8Array(64);

/** readAddress over a whole text. */
export function readAddressText(text: string, out: Uint32Array, at: number): boolean {
  if (text.length > textBytes.length) textBytes = new Uint8Array(text.length);
  return readAddress(asciiBytes(text, textBytes), 0, text.length, out, at);
}

/** The eight 16-bit groups of an IPv6 address in any RFC 4291 spelling, or null. */
export function ipv6Groups(text: string): number[] | null {
  if (!readAddressText(text, scratch, 0) || scratch[0] !== 6) return null;
  return [...groups];
}

/**
 * An address as one canonical text (formatAddress), or null if it is neither IPv4 nor IPv6.
 *
 * @example canonicalAddress("0000:0000:0000:0000:0000:0000:0000:0001") === "::1"
 * @example canonicalAddress("2001:0db8:ffff:0021:0000:0000:0000:0002") === "2001:db8:ffff:21::2"
 */
export function canonicalAddress(text: string): string | null {
  return readAddressText(text, scratch, 0) ? formatAddress(scratch, 0) : null;
}
