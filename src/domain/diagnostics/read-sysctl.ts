import { FIELD_OF, setField, setTimeoutValue, type Reader } from "./parse-state";

/**
 * sysctl(8) output (`net.netfilter.nf_conntrack_max = 262144`, also without spaces as in
 * sysctl.conf), `grep -H . /proc/sys/...` output (`/proc/sys/net/netfilter/nf_conntrack_max:262144`,
 * what the collector prints), and the legacy names: `net.nf_conntrack_max` and
 * `net.ipv4.netfilter.ip_conntrack_max` (docs/kernel-facts.md §3).
 */
const SYSCTL =
  /^(?:\/proc\/sys\/)?(?:net[./](?:ipv4[./])?(?:netfilter[./])?)?((?:nf|ip)_conntrack_[a-z0-9_]{1,64}|nf_flowtable_[a-z0-9_]{1,64}) ?[=:] ?(\d{1,12})$/;

/** The module parameter (docs/kernel-facts.md §2): `grep -H . /sys/module/nf_conntrack/parameters/hashsize`. */
const HASHSIZE = /^\/sys\/module\/(?:nf|ip)_conntrack\/parameters\/hashsize ?[=:] ?(\d{1,12})$/;

type SysctlField = "max" | "buckets" | "count" | "timeout" | "other";

export function sysctlField(key: string): SysctlField {
  const name = key.replace(/^(?:nf|ip)_conntrack_/, "");
  if (name === "max" || name === "buckets" || name === "count") return name;
  // Timeouts (docs/kernel-facts.md §5) all carry "timeout" in their name; the one count among
  // them, nf_conntrack_tcp_max_retrans, does not.
  return key.includes("timeout") ? "timeout" : "other";
}

export const readSysctl: Reader = (state, line, _tokens, record) => {
  const hashsize = HASHSIZE.exec(line);
  if (hashsize) {
    record.kind = "hashsize";
    setField(state, record, "conntrackBuckets", Number(hashsize[1]));
    return true;
  }
  const match = SYSCTL.exec(line);
  if (!match) return false;
  const key = match[1] ?? "";
  const value = Number(match[2]);
  const field = sysctlField(key);
  record.kind = `sysctl-${field}`;
  if (field === "timeout") setTimeoutValue(state, record, key, value);
  else if (field !== "other") setField(state, record, FIELD_OF[field], value);
  return true;
};
