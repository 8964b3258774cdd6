import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureLabTools } from "../../../scripts/table-lab/tools.mjs";
import { v } from "../kernel/kernel-version";
import { defaultTimeouts } from "../kernel/timeouts";
import { computeNotrackServices, renderNotrackIptables, renderNotrackNft } from "./notrack";
import { createTableReader } from "./table-reader";

/**
 * The generated rule sets as the tools themselves read them: `nft -c -f` and
 * `iptables-restore --test` parse and check without applying. Both need root (netlink); as root
 * the Debian packages are installed when missing (scripts/table-lab/tools.mjs, shared with the
 * live test; apt waits for the other's dpkg lock; CI runs as root). Without root, the output says
 * so and only this check is skipped. Node APIs, so this file is type-checked with
 * tsconfig.node.json.
 */
const labTable = readFileSync("fixtures/table/lab-6.18.44/conntrack-L.txt", "utf8");
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn("notrack-check: not root, so nft -c and iptables-restore --test are skipped");

describe.skipIf(!isRoot)("generated NOTRACK rules, checked by nft and iptables-restore", () => {
  const reader = createTableReader(defaultTimeouts(v(6, 12)));
  reader.push(labTable);
  const stats = reader.finish().stats;
  const services = computeNotrackServices(
    stats,
    stats.services.items.map((item) => item.key),
  );
  const dir = mkdtempSync(join(tmpdir(), "notrack-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const check = (command: string, args: string[], text: string, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const result = spawnSync(command, [...args, file], { encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  };

  it("covers tcp, udp, IPv4 and IPv6 services of the lab's table", () => {
    expect(ensureLabTools()).toBeNull();
    expect(services.some((s) => s.protocol === "tcp")).toBe(true);
    expect(services.some((s) => s.ipv6.length > 0)).toBe(true);
  }, 300_000);

  it("nft -c -f accepts the nftables rule set", () => {
    check("nft", ["-c", "-f"], renderNotrackNft(services), "notrack.nft");
  }, 60_000);

  /** The input each heredoc of the copied script hands to its restore command. */
  const restoreInputs = [
    ...renderNotrackIptables(services).matchAll(/^(ip6?tables-restore) --noflush <<'EOF'\n([\s\S]*?)^EOF$/gm),
  ].map((match) => ({ command: match[1] ?? "", text: match[2] ?? "" }));

  it("loads both families with their own restore command", () => {
    expect(restoreInputs.map((input) => input.command)).toEqual(["iptables-restore", "ip6tables-restore"]);
  });

  it.each(["iptables-restore", "ip6tables-restore"])(
    "%s --test accepts its part of the script",
    (command) => {
      const input = restoreInputs.find((candidate) => candidate.command === command);
      check(command, ["--test", "--noflush"], input?.text ?? "", `${command}.rules`);
    },
    60_000,
  );
});
