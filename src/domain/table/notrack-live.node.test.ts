import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLabTools, namespaceUnavailable } from "../../../scripts/table-lab/tools.mjs";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts } from "../kernel/timeouts";
import { computeNotrackServices, renderNotrackIptables, renderNotrackNft } from "./notrack";
import { createTableReader } from "./table-reader";

/**
 * The page's own NOTRACK rules on the real kernel. Each case opens a fresh private network
 * namespace (`unshare -n`: its own loopback and conntrack table, the host's untouched, so test
 * files running in parallel cannot see each other's entries), turns tracking on with a `ct state`
 * rule, applies the rules generated for the lab table's top service (udp/53 on 127.0.0.53), replays
 * DNS-like queries and other traffic (scripts/table-lab/notrack-replay.mjs), and reads the table
 * back with this project's reader. A control namespace without the rules shows the same replay is
 * tracked there. Needs root; as root, Debian's conntrack, nftables and iptables are installed when
 * missing. Without root or a working `unshare -n` the cases are skipped and the reason is printed
 * (in the suite's name too); under CI (CI set) it fails instead, since CI must prove the rules. Node APIs,
 * so this file is type-checked with tsconfig.node.json.
 */
const REPLAY_SCRIPT = "scripts/table-lab/notrack-replay.mjs";
const labTable = readFileSync("fixtures/table/lab-6.18.44/conntrack-L.txt", "utf8");
const unavailable = namespaceUnavailable();

type Variant = "none" | "nft" | "iptables";

interface Replay {
  readonly queries: number;
  readonly answered: number;
  readonly replay: {
    readonly dnsQueries: number;
    readonly udpUnreplied: number;
    readonly tcpEstablished: number;
    readonly pings: number;
  };
  readonly conntrackL: string;
  readonly procNfConntrack: string;
  /** Packets the output hook saw, by ct state (the namespace's own counters). */
  readonly outputPackets: { readonly new: number; readonly untracked: number };
}

function readTable(text: string) {
  const reader = createTableReader(defaultTimeouts(v(6, 12)));
  reader.push(text);
  return reader.finish();
}

/** Entries for one service, from the reader's exact top list of `protocol|port` keys. */
const serviceCount = (text: string, key: string) =>
  readTable(text).stats.services.items.find((item) => item.key === key)?.count ?? 0;

if (unavailable) console.warn(`notrack-live: skipped, ${unavailable}`);

describe.skipIf(unavailable !== null && !process.env.CI)(
  `the page's NOTRACK rules in a fresh network namespace${unavailable ? ` (cannot run here: ${unavailable})` : ""}`,
  () => {
    const lab = readTable(labTable).stats;
    const top = lab.services.items[0]?.key ?? "";
    const services = computeNotrackServices(lab, [top]);
    // Made in beforeAll: a skipped suite is still collected, and must leave nothing behind.
    let dir = "";
    const rules: Record<Exclude<Variant, "none">, string> = {
      nft: renderNotrackNft(services),
      iptables: renderNotrackIptables(services),
    };
    const replays = new Map<Variant, Replay>();

    const replayIn = (variant: Variant): Replay => {
      const args = [process.execPath, REPLAY_SCRIPT, variant];
      if (variant !== "none") {
        const file = join(dir, `notrack.${variant}`);
        writeFileSync(file, rules[variant]);
        args.push(file);
      }
      const result = spawnSync("unshare", ["-n", ...args], { encoding: "utf8", timeout: 20_000 });
      if (result.status !== 0) throw new Error(`${variant}: status ${result.status}: ${result.stderr}`);
      return JSON.parse(result.stdout) as Replay;
    };

    beforeAll(() => {
      if (unavailable) throw new Error(`CI must prove the rules on the kernel, but here ${unavailable}`);
      const missing = ensureLabTools();
      if (missing) throw new Error(missing);
      dir = mkdtempSync(join(tmpdir(), "notrack-live-"));
      for (const variant of ["none", "nft", "iptables"] as const) replays.set(variant, replayIn(variant));
    }, 300_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("picks the lab table's top service: DNS-like UDP to 127.0.0.53:53", () => {
      expect(top).toBe("udp|53");
      expect(services).toEqual([
        { protocol: "udp", port: 53, ipv4: ["127.0.0.53"], ipv6: [], entries: 30, natted: 0 },
      ]);
    });

    it("without the rules, the replay is tracked: one entry per query, and the other traffic", () => {
      const control = replays.get("none");
      expect(control?.answered).toBe(control?.queries);
      const { dnsQueries, udpUnreplied, tcpEstablished, pings } = control?.replay ?? {};
      for (const text of [control?.conntrackL ?? "", control?.procNfConntrack ?? ""]) {
        expect(serviceCount(text, "udp|53")).toBe(dnsQueries);
        expect(readTable(text).stats.entries).toBe(
          (dnsQueries ?? 0) + (udpUnreplied ?? 0) + (tcpEstablished ?? 0) + (pings ?? 0),
        );
      }
      expect(control?.outputPackets.untracked).toBe(0);
    });

    it.each(["nft", "iptables"] as const)(
      "%s: no entry for the service, every query answered, the other traffic still tracked",
      (variant) => {
        const replay = replays.get(variant);
        const { dnsQueries = 0, udpUnreplied = 0, tcpEstablished = 0, pings = 0 } = replay?.replay ?? {};
        // Answered, so the packets passed; untracked, every query and every answer at the output hook.
        expect(replay?.answered).toBe(dnsQueries);
        expect(replay?.outputPackets.untracked).toBe(2 * dnsQueries);
        for (const text of [replay?.conntrackL ?? "", replay?.procNfConntrack ?? ""]) {
          const { stats, skipped } = readTable(text);
          expect(skipped).toBe(0);
          expect(serviceCount(text, "udp|53")).toBe(0);
          expect({
            entries: stats.entries,
            protocols: stats.protocols,
            tcpStates: stats.tcpStates,
            unreplied: stats.unreplied,
          }).toEqual({
            entries: udpUnreplied + tcpEstablished + pings,
            protocols: { udp: udpUnreplied, tcp: tcpEstablished, icmp: pings },
            tcpStates: { ESTABLISHED: tcpEstablished },
            unreplied: udpUnreplied,
          });
        }
      },
    );
  },
);
