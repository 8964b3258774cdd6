import { fileText } from "../config/file-text";
import type { StaleDestination } from "./findings";
import { canonicalAddress } from "./ipv6";

/**
 * Protocols `conntrack -p` takes by name (conntrack-tools 1.4.7, extensions/libct_proto_*.c); any
 * other goes by its number, which -p accepts too.
 */
const NAMED_PROTOCOLS: ReadonlySet<string> = new Set([
  "tcp",
  "udp",
  "udplite",
  "sctp",
  "dccp",
  "icmp",
  "icmpv6",
  "gre",
]);

/** Protocols whose -p extension takes `--dport` (extensions/libct_proto_{tcp,udp,udplite,sctp,dccp}.c). */
const DPORT_PROTOCOLS: ReadonlySet<string> = new Set(["tcp", "udp", "udplite", "sctp", "dccp"]);

const isWhole = (n: number, max: number) => Number.isSafeInteger(n) && n >= 0 && n <= max;

/**
 * The `conntrack -D` filter for one stale destination, as its words (without the comment), or
 * null when any part fails validation. Every word is rebuilt from a checked value: the address
 * must read back as itself through canonicalAddress() (nothing but an IPv4 or RFC 5952 IPv6
 * address gets through), the port, zone and protocol number must be whole numbers in range, and
 * the protocol a name from NAMED_PROTOCOLS. Text from the table never reaches the command as
 * given.
 *
 * Option names are conntrack-tools 1.4.7's (src/conntrack.c original_opts[], extensions/
 * libct_proto_tcp.c): `-p`, `--orig-dst`, `--dport`, `--state`, `-f ipv6`, `-w`.
 */
function deleteWords(stale: StaleDestination, tableHasZones: boolean): string[] | null {
  if (canonicalAddress(stale.address) !== stale.address) return null;
  if (!isWhole(stale.zone, 65535) || !isWhole(stale.protocolNumber, 255)) return null;
  const named = NAMED_PROTOCOLS.has(stale.protocol);
  if (!named && stale.protocol !== "unknown") return null;
  const words = ["conntrack", "-D"];
  // conntrack -D looks at IPv4 only unless told the family (its default is AF_INET).
  if (stale.address.includes(":")) words.push("-f", "ipv6");
  words.push("-p", named ? stale.protocol : String(stale.protocolNumber));
  words.push("--orig-dst", stale.address);
  if (stale.port !== null) {
    if (!DPORT_PROTOCOLS.has(stale.protocol) || !isWhole(stale.port, 65535)) return null;
    words.push("--dport", String(stale.port));
  }
  // Without -w, conntrack -D deletes in every zone (checked with 1.4.7 in a private namespace):
  // a table with zones gets the zone, 0 included.
  if (stale.zone !== 0 || tableHasZones) words.push("-w", String(stale.zone));
  // The unreplied TCP entries of a dead backend are connects that never got a SYN-ACK.
  if (stale.protocol === "tcp") words.push("--state", "SYN_SENT");
  return words;
}

/**
 * A shell snippet (run as root) with one `conntrack -D` per stale destination, each after a
 * comment with its count; destinations whose parts fail validation are left out. TCP is scoped to
 * SYN_SENT, so a connection that gets answered in the meantime stays. For other protocols the
 * command deletes every entry to that address and port: conntrack-tools 1.4.7 parses
 * `-u UNREPLIED` for -D but does not filter by it (mnl_nfct_delete_cb() passes no status filter to
 * the kernel, and the template's status is 0, which nfct_cmp() matches to any entry; checked: it
 * deleted a replied UDP entry too), so the snippet does not pretend it does. Every line passes
 * fileText().
 *
 * @example renderStaleDelete([{ protocol: "tcp", protocolNumber: 6, address: "10.0.0.9", port: 8080, zone: 0, count: 30 }], false)
 * // "...conntrack -D -p tcp --orig-dst 10.0.0.9 --dport 8080 --state SYN_SENT\n"
 */
export function renderStaleDelete(stale: readonly StaleDestination[], tableHasZones: boolean): string | null {
  const lines: string[] = [];
  for (const destination of stale) {
    const words = deleteWords(destination, tableHasZones);
    if (!words) continue;
    const where = `${destination.protocol} ${destination.address}${destination.port === null ? "" : ` port ${destination.port}`}${destination.zone === 0 ? "" : ` zone ${destination.zone}`}`;
    lines.push(
      destination.protocol === "tcp"
        ? `# ${destination.count} entries to ${where}, none answered: delete those still waiting (SYN_SENT).`
        : `# ${destination.count} entries to ${where}, none answered. conntrack -D does not filter by -u UNREPLIED: this deletes every ${destination.protocol} entry to it.`,
      words.join(" "),
    );
  }
  if (lines.length === 0) return null;
  return (
    [
      "# Delete the entries of destinations that never answered (conntrack-tools, as root).",
      "# Remove the dead backend from its service first, or new entries take their place.",
      ...lines,
    ]
      .map(fileText)
      .join("\n") + "\n"
  );
}
