import { describe, expect, it } from "vitest";
import labTable from "../../../fixtures/table/lab-6.18.44/conntrack-L.txt?raw";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts } from "../kernel/timeouts";
import {
  canNotrack,
  computeNotrackServices,
  renderNotrackIptables,
  renderNotrackNft,
  type NotrackService,
} from "./notrack";
import { createTableReader } from "./table-reader";

function labStats() {
  const reader = createTableReader(defaultTimeouts(v(6, 12)));
  reader.push(labTable);
  return reader.finish().stats;
}

const DNS: NotrackService = {
  protocol: "udp",
  port: 53,
  ipv4: ["10.0.0.2", "10.0.0.3"],
  ipv6: ["2001:db8::53"],
  entries: 120,
  natted: 0,
};

describe("canNotrack", () => {
  it.each([
    ["udp|53", true],
    ["tcp|8080", true],
    ["sctp|3868", true],
    ["udplite|5000", false],
    ["icmp|8", false],
    ["unknown|2", false],
    ["udp|", false],
  ])("%s -> %s", (key, expected) => expect(canNotrack(key)).toBe(expected));
});

describe("computeNotrackServices on the lab's table", () => {
  it("scopes udp/53 to the addresses it was sent to, and counts its entries", () => {
    expect(computeNotrackServices(labStats(), ["udp|53"])).toEqual([
      { protocol: "udp", port: 53, ipv4: ["127.0.0.53"], ipv6: [], entries: 30, natted: 0 },
    ]);
  });

  it("leaves out keys it cannot untrack and keys the table does not hold", () => {
    expect(computeNotrackServices(labStats(), ["icmp|8", "udp|1"])).toEqual([]);
  });
});

describe("rendered rules (golden)", () => {
  it("nftables: both directions in prerouting and output at raw priority", () => {
    expect(renderNotrackNft([DNS])).toBe(
      [
        "# Untrack udp/53: 120 entries of the table read would not have been tracked.",
        "# Untracked packets skip NAT and every ct state/ct mark rule: keep NAT'd and stateful traffic tracked.",
        "# A stateful filter drops untracked packets unless it accepts them: add this line to your",
        "# input, forward and output filter chains, before any rule that drops by ct state:",
        "#   ct state untracked accept",
        "table inet conntrack_notrack {",
        "    chain notrack_prerouting {",
        "        type filter hook prerouting priority -300; policy accept;",
        "        ip daddr { 10.0.0.2, 10.0.0.3 } udp dport 53 notrack",
        "        ip saddr { 10.0.0.2, 10.0.0.3 } udp sport 53 notrack",
        "        ip6 daddr 2001:db8::53 udp dport 53 notrack",
        "        ip6 saddr 2001:db8::53 udp sport 53 notrack",
        "    }",
        "    chain notrack_output {",
        "        type filter hook output priority -300; policy accept;",
        "        ip daddr { 10.0.0.2, 10.0.0.3 } udp dport 53 notrack",
        "        ip saddr { 10.0.0.2, 10.0.0.3 } udp sport 53 notrack",
        "        ip6 daddr 2001:db8::53 udp dport 53 notrack",
        "        ip6 saddr 2001:db8::53 udp sport 53 notrack",
        "    }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("iptables: raw PREROUTING and OUTPUT both ways, UNTRACKED accepted first, per family", () => {
    expect(renderNotrackIptables([DNS])).toBe(
      [
        "# Untrack udp/53: 120 entries of the table read would not have been tracked.",
        "# Untracked packets skip NAT and every ct state/ct mark rule: keep NAT'd and stateful traffic tracked.",
        "# --noflush adds to the tables: without it, iptables-restore replaces your raw and filter rules.",
        "iptables-restore --noflush <<'EOF'",
        "*raw",
        "-A PREROUTING -d 10.0.0.2,10.0.0.3 -p udp -m udp --dport 53 -j CT --notrack",
        "-A PREROUTING -s 10.0.0.2,10.0.0.3 -p udp -m udp --sport 53 -j CT --notrack",
        "-A OUTPUT -d 10.0.0.2,10.0.0.3 -p udp -m udp --dport 53 -j CT --notrack",
        "-A OUTPUT -s 10.0.0.2,10.0.0.3 -p udp -m udp --sport 53 -j CT --notrack",
        "COMMIT",
        "*filter",
        "-I INPUT 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "-I FORWARD 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "-I OUTPUT 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "COMMIT",
        "EOF",
        "ip6tables-restore --noflush <<'EOF'",
        "*raw",
        "-A PREROUTING -d 2001:db8::53 -p udp -m udp --dport 53 -j CT --notrack",
        "-A PREROUTING -s 2001:db8::53 -p udp -m udp --sport 53 -j CT --notrack",
        "-A OUTPUT -d 2001:db8::53 -p udp -m udp --dport 53 -j CT --notrack",
        "-A OUTPUT -s 2001:db8::53 -p udp -m udp --sport 53 -j CT --notrack",
        "COMMIT",
        "*filter",
        "-I INPUT 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "-I FORWARD 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "-I OUTPUT 1 -m conntrack --ctstate UNTRACKED -j ACCEPT",
        "COMMIT",
        "EOF",
        "",
      ].join("\n"),
    );
  });

  it("iptables has no IPv6 part when no address is IPv6", () => {
    expect(renderNotrackIptables([{ ...DNS, ipv6: [] }])).not.toContain("ip6tables");
  });

  it("writes only printable ASCII", () => {
    const odd = { ...DNS, ipv4: ["10.0.0.2\u2028x"] };
    for (const text of [renderNotrackNft([odd]), renderNotrackIptables([odd])])
      expect(text.replace(/\n/g, "")).toMatch(/^[\x20-\x7e]*$/);
  });
});
