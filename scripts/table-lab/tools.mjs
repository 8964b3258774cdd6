// The lab's tools from Debian, installed when missing (as scripts/validate-targets.mjs does).
import { spawnSync } from "node:child_process";

const TOOLS = [
  { bin: "conntrack", pkg: "conntrack" },
  { bin: "nft", pkg: "nftables" },
  { bin: "iptables-restore", pkg: "iptables" },
  { bin: "ping", pkg: "iputils-ping" },
  { bin: "unshare", pkg: "util-linux" },
];

const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;

/** Why the lab cannot run here, or null: it needs root (unshare -n, nft) and the tools. */
export function labUnavailable() {
  if (process.platform !== "linux") return "not Linux";
  if (process.getuid?.() !== 0) return "not root (unshare -n and nft need it)";
  const missing = TOOLS.filter((t) => !has(t.bin));
  if (missing.length === 0) return null;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
  if (install().status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    if (install().status !== 0) return `apt-get install ${pkgs.join(" ")} failed`;
  }
  return null;
}

/** A tool's version line, for provenance. */
export function versionOf(cmd, args) {
  const out = spawnSync(cmd, args, { encoding: "utf8" });
  return `${out.stdout}${out.stderr}`.trim().split("\n")[0] ?? "";
}
