import { fileText } from "../config/file-text";
import type { TableStats } from "./table-stats";

/**
 * Protocols both nftables and iptables match by port: `tcp|udp|sctp dport` in nftables 1.0.6
 * (src/parser_bison.y, tcp_hdr_expr / udp_hdr_expr / sctp_hdr_expr) and `-p tcp|udp|sctp --dport`
 * in iptables 1.8.9 (extensions/libxt_tcp.c, libxt_udp.c, libxt_sctp.c). udplite and dccp are
 * left out: iptables 1.8.9 has no udplite match, and dccp tracking left the kernel (fd72f265bb00).
 */
const NOTRACK_PROTOCOLS: ReadonlySet<string> = new Set(["tcp", "udp", "sctp"]);

/**
 * nftables' raw priority, -300 (NF_IP_PRI_RAW in include/uapi/linux/netfilter_ipv4.h; nftables
 * 1.0.6 names it `raw`, src/rule.c std_prios): before conntrack (NF_IP_PRI_CONNTRACK, -200) looks
 * at the packet, so `notrack` still has an effect.
 */
const RAW_PRIORITY = -300;

/** The nftables table the rules live in, so `nft delete table inet ...` removes them all. */
const NFT_TABLE = "conntrack_notrack";

/** One service the user picked, scoped to the destination addresses seen for it in the table. */
export interface NotrackService {
  readonly protocol: string;
  readonly port: number;
  /** Canonical addresses (ipv6.ts), IPv4 first, each once. */
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
  /** Entries in the table to those addresses and port: what the rules would have left untracked. */
  readonly entries: number;
  /** Of those, the NAT'd ones (DNAT or SNAT): untracked, they would lose their NAT. */
  readonly natted: number;
}

/** Whether a top-services key (`protocol|port`) can be untracked by the rules generated here. */
export function canNotrack(serviceKey: string): boolean {
  const [protocol = "", port = ""] = serviceKey.split("|");
  return NOTRACK_PROTOCOLS.has(protocol) && /^\d+$/.test(port);
}

/**
 * The picked services (`protocol|port` keys of `stats.services`), each with its own destination
 * addresses from `stats.serviceAddresses` and its NAT'd entries from `stats.natPairs`. Keys that
 * cannot be untracked (canNotrack) or have no address are left out.
 *
 * @example computeNotrackServices(stats, ["udp|53"])[0].ipv4 // ["127.0.0.53"]
 */
export function computeNotrackServices(stats: TableStats, picked: readonly string[]): NotrackService[] {
  const services: NotrackService[] = [];
  for (const key of picked) {
    if (!canNotrack(key)) continue;
    const [protocol = "", portText = ""] = key.split("|");
    const ipv4: string[] = [];
    const ipv6: string[] = [];
    let entries = 0;
    for (const item of stats.serviceAddresses.items) {
      if (!item.key.startsWith(`${key}|`)) continue;
      const address = item.key.slice(key.length + 1);
      (address.includes(":") ? ipv6 : ipv4).push(address);
      entries += item.count;
    }
    if (entries === 0) continue;
    const addresses = new Set([...ipv4, ...ipv6]);
    let natted = 0;
    for (const item of stats.natPairs.items) {
      const [pairProtocol, dst = "", dport] = item.key.split("|");
      if (pairProtocol === protocol && dport === portText && addresses.has(dst)) natted += item.count;
    }
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    services.push({
      protocol,
      port: Number(portText),
      ipv4: ipv4.sort(byText),
      ipv6: ipv6.sort(byText),
      entries,
      natted,
    });
  }
  return services;
}

function nftSet(addresses: readonly string[]): string {
  return addresses.length === 1 ? (addresses[0] ?? "") : `{ ${addresses.join(", ")} }`;
}

/** Both directions of one service: requests to its addresses and port, replies from them. */
function nftServiceRules(service: NotrackService): string[] {
  const rules: string[] = [];
  for (const [family, addresses] of [
    ["ip", service.ipv4],
    ["ip6", service.ipv6],
  ] as const) {
    if (addresses.length === 0) continue;
    const set = nftSet(addresses);
    rules.push(`${family} daddr ${set} ${service.protocol} dport ${service.port} notrack`);
    rules.push(`${family} saddr ${set} ${service.protocol} sport ${service.port} notrack`);
  }
  return rules;
}

/**
 * An nftables rule set (for `nft -f`) that untracks the services in both directions, in
 * prerouting (packets that arrive) and output (packets this host sends), at the raw priority. The
 * stateful filter's line is a comment: it belongs in the user's own filter chains.
 *
 * @example renderNotrackNft([{ protocol: "udp", port: 53, ipv4: ["10.0.0.2"], ipv6: [], entries: 9, natted: 0 }])
 */
export function renderNotrackNft(services: readonly NotrackService[]): string {
  const rules = services.flatMap(nftServiceRules);
  const chain = (name: string, hook: string) => [
    `    chain ${name} {`,
    `        type filter hook ${hook} priority ${RAW_PRIORITY}; policy accept;`,
    ...rules.map((rule) => `        ${rule}`),
    "    }",
  ];
  const lines = [
    ...headerComment(services),
    "# A stateful filter drops untracked packets unless it accepts them: add this line to your",
    "# input, forward and output filter chains, before any rule that drops by ct state:",
    "#   ct state untracked accept",
    `table inet ${NFT_TABLE} {`,
    ...chain("notrack_prerouting", "prerouting"),
    ...chain("notrack_output", "output"),
    "}",
  ];
  return lines.map((line) => fileText(line)).join("\n") + "\n";
}

function headerComment(services: readonly NotrackService[]): string[] {
  const entries = services.reduce((sum, service) => sum + service.entries, 0);
  return [
    `# Untrack ${services.map((s) => `${s.protocol}/${s.port}`).join(", ")}: ${entries} entries of the table read would not have been tracked.`,
    "# Untracked packets skip NAT and every ct state/ct mark rule: keep NAT'd and stateful traffic tracked.",
  ];
}

/** The `iptables-restore --noflush` input for one family, or null when no service has an address in it. */
function renderNotrackRestore(services: readonly NotrackService[], family: "ipv4" | "ipv6"): string | null {
  const rules: string[] = [];
  for (const service of services) {
    const addresses = service[family];
    if (addresses.length === 0) continue;
    const list = addresses.join(",");
    const p = `-p ${service.protocol} -m ${service.protocol}`;
    for (const chain of ["PREROUTING", "OUTPUT"]) {
      rules.push(`-A ${chain} -d ${list} ${p} --dport ${service.port} -j CT --notrack`);
      rules.push(`-A ${chain} -s ${list} ${p} --sport ${service.port} -j CT --notrack`);
    }
  }
  if (rules.length === 0) return null;
  const accept = ["INPUT", "FORWARD", "OUTPUT"].map(
    (chain) => `-I ${chain} 1 -m conntrack --ctstate UNTRACKED -j ACCEPT`,
  );
  return [...["*raw", ...rules, "COMMIT", "*filter", ...accept, "COMMIT"].map(fileText)].join("\n") + "\n";
}

/**
 * A shell script that loads the iptables rules with `iptables-restore --noflush` (and
 * `ip6tables-restore` for IPv6 addresses): raw PREROUTING and OUTPUT untrack both directions, and
 * the filter table accepts UNTRACKED first, as a stateful filter needs.
 *
 * @example renderNotrackIptables(services).startsWith("#")
 */
export function renderNotrackIptables(services: readonly NotrackService[]): string {
  const lines = [
    ...headerComment(services),
    "# --noflush adds to the tables: without it, iptables-restore replaces your raw and filter rules.",
  ];
  for (const [family, command] of [
    ["ipv4", "iptables-restore"],
    ["ipv6", "ip6tables-restore"],
  ] as const) {
    const restore = renderNotrackRestore(services, family);
    if (restore === null) continue;
    lines.push(`${command} --noflush <<'EOF'`, ...restore.trimEnd().split("\n"), "EOF");
  }
  return lines.map(fileText).join("\n") + "\n";
}
