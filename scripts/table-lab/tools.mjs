// The lab's tools from Debian, installed when missing (as scripts/validate-targets.mjs does).
import { spawnSync } from "node:child_process";

const TOOLS = [
  { bin: "conntrack", pkg: "conntrack" },
  { bin: "nft", pkg: "nftables" },
  { bin: "iptables-restore", pkg: "iptables" },
  { bin: "ping", pkg: "iputils-ping" },
  // `ip link set lo up` in the namespace; minimal images leave iproute2 out.
  { bin: "ip", pkg: "iproute2" },
  { bin: "unshare", pkg: "util-linux" },
];

const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;

/**
 * Why no private network namespace can be made here, or null: it needs Linux, root, and an
 * `unshare -n` that works (a container without CAP_SYS_ADMIN has the binary but may not use it).
 * Installs nothing, so a test can decide to skip before any work.
 */
export function namespaceUnavailable() {
  if (process.platform !== "linux") return "not Linux";
  if (process.getuid?.() !== 0) return "not root (unshare -n and nft need it)";
  if (!has("unshare")) return "no unshare (Debian package util-linux)";
  const probe = spawnSync("unshare", ["-n", "true"], { encoding: "utf8" });
  if (probe.status !== 0)
    return `unshare -n fails here: ${`${probe.stderr}`.trim() || `status ${probe.status}`}`;
  return null;
}

/**
 * The tools missing, installed from Debian; the reason when that failed, or null. apt waits up to
 * 5 minutes for dpkg's lock: vitest runs test files in parallel and more than one installs.
 */
export function ensureLabTools() {
  const missing = TOOLS.filter((t) => !has(t.bin));
  if (missing.length === 0) return null;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) =>
    spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], { stdio: "inherit", env });
  const install = () => apt(["install", "-y", "--no-install-recommends", ...pkgs]);
  if (install().status !== 0) {
    apt(["update"]);
    if (install().status !== 0) return `apt-get install ${pkgs.join(" ")} failed`;
  }
  return null;
}

/** Why the lab cannot run here, or null: it needs root, a working unshare -n and the tools. */
export function labUnavailable() {
  return namespaceUnavailable() ?? ensureLabTools();
}

/** A tool's version line, for provenance. */
export function versionOf(cmd, args) {
  const out = spawnSync(cmd, args, { encoding: "utf8" });
  return `${out.stdout}${out.stderr}`.trim().split("\n")[0] ?? "";
}
