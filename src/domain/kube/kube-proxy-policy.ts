import { INT_MAX, type Inputs } from "../sizing/inputs";
import { floorDiv, roundUp } from "../core/integer";
import { computeKernelDefault } from "../kernel/kernel-defaults";
import { computeTableGeometry } from "../kernel/table-geometry";
import { bytes, type Bytes } from "../core/units";
import { k8s, k8sAtLeast, type KubernetesVersion } from "./kubernetes-version";

/**
 * What kube-proxy does to conntrack when it starts, and the KubeProxyConfiguration that makes it
 * do what the user wants. Sources (kubernetes/kubernetes): pkg/proxy/conntrack/sysctls.go
 * @ 008b3652959c (setSysctls(), getConntrackMax(), realConntrackConfigurer.SetMax()),
 * staging/src/k8s.io/kube-proxy/config/v1alpha1/types.go @ ce3490900116 (field names),
 * pkg/proxy/apis/config/v1alpha1/defaults.go @ 0d173114bee8 (defaults).
 */

/** What kube-proxy of this version writes over a value already set. */
export type KubeProxyWriteMode =
  /** nf_conntrack_max and both TCP timeouts only when kube-proxy's value is larger (1.23 … 1.28). */
  | "raises-all"
  /** nf_conntrack_max only when larger; the timeouts whenever they differ (1.38 on). */
  | "raises-max"
  /** Every value whenever it differs (before 1.23, 1.29 … 1.37). */
  | "overwrites";

/** @example kubeProxyWriteMode(k8s(28)) === "raises-all" */
export function kubeProxyWriteMode(version: KubernetesVersion): KubeProxyWriteMode {
  if (k8sAtLeast(version, KUBE_PROXY.onlyRaisesMaxSince)) return "raises-max";
  if (
    k8sAtLeast(version, KUBE_PROXY.onlyRaisesAllSince) &&
    !k8sAtLeast(version, KUBE_PROXY.onlyRaisesAllUntil)
  ) {
    return "raises-all";
  }
  return "overwrites";
}

/**
 * The kernel's own TCP timeouts, which a raise-only kube-proxy compares against on a node where
 * nothing else set them: tcp_timeouts[] in nf_conntrack_proto_tcp.c (ESTABLISHED 5 DAYS,
 * CLOSE_WAIT 60 SECS), unchanged since 2.6 (timeouts.ts).
 */
const KERNEL_TCP_TIMEOUTS = { established: 432000, closeWait: 60 } as const;

export const KUBE_PROXY = {
  /** MaxPerCore = 32 * 1024 (defaults.go). */
  defaultMaxPerCore: 32768,
  /** Min = 128 * 1024 (defaults.go; the floor dates from 2016). */
  defaultMin: 131072,
  /** TCPEstablishedTimeout = 24h, "1 day (1/5 default)" (defaults.go). */
  tcpEstablishedSeconds: 86400,
  /** TCPCloseWaitTimeout = 1h (defaults.go). */
  tcpCloseWaitSeconds: 3600,
  /**
   * `const maxLimit = 1048576` in getConntrackMax() (pkg/proxy/conntrack/sysctls.go @ 008b3652959c),
   * released in 1.36: CHANGELOG-1.36.md @ 008b3652959c, "Capped `nf_conntrack_max` to 1,048,576 to
   * prevent excessive memory consumption on high-core machines when using automatic calculation."
   * (#137002).
   */
  cap: 1048576,
  capSince: k8s(36),
  /**
   * Which writes only raise a value. setIntSysCtl() in cmd/kube-proxy/app/conntrack.go writes a
   * sysctl only when `val < value` from 1.23 (listed in CHANGELOG-1.23.md under
   * v1.23.0-alpha.3) until 1.28, for nf_conntrack_max, tcp_timeout_established and
   * tcp_timeout_close_wait alike; 1.29 reverted it (CHANGELOG-1.29.md, v1.29.0-alpha.1)
   * to writing whenever the value differs. From 1.38 pkg/proxy/conntrack/sysctls.go leaves
   * nf_conntrack_max alone when it is already larger (CHANGELOG-1.38.md,
   * v1.38.0-alpha.1, "Changelog since v1.37.0"); the timeouts are still written whenever they differ.
   */
  onlyRaisesAllSince: k8s(23),
  onlyRaisesAllUntil: k8s(29),
  onlyRaisesMaxSince: k8s(38),
  /**
   * A failed hashsize write. Up to 1.35 cmd/kube-proxy/app/conntrack.go turns a read-only /sys
   * (errReadOnlySysFS) into an event and a log line and goes on; every other failure (such as
   * EOPNOTSUPP outside the host's network namespace) stops kube-proxy. PR #135548 (no release
   * note; first in 1.36) moved the write to pkg/proxy/conntrack/sysctls.go, which returns every
   * failure, and cmd/kube-proxy/app/server_linux.go platformSetup() stops with "could not set
   * conntrack parameters from kube-proxy configuration".
   */
  hashsizeFatalSince: k8s(36),
  /**
   * conntrack.udpTimeout / udpStreamTimeout and tcpBeLiberal: first released in 1.29
   * (CHANGELOG-1.29.md: #120354 for the UDP timeouts, #120808 for tcpBeLiberal).
   */
  udpTimeoutsSince: k8s(29),
} as const;

export interface KubeProxyParams {
  readonly cores: number;
  readonly version: KubernetesVersion;
  /** conntrack.maxPerCore; default 32768. */
  readonly maxPerCore?: number;
  /** conntrack.min; default 131072. */
  readonly min?: number;
  /** conntrack.tcpEstablishedTimeout in seconds (0 = leave as is); default 86400. */
  readonly tcpEstablishedSeconds?: number;
  /** conntrack.tcpCloseWaitTimeout in seconds (0 = leave as is); default 3600. */
  readonly tcpCloseWaitSeconds?: number;
}

/**
 * Facts about what kube-proxy does, as codes the page turns into words:
 * - `overwrites-max`: kube-proxy writes nf_conntrack_max every time it starts, so a sysctl.conf
 *   value is undone; configure kube-proxy instead (or set maxPerCore 0 to make it leave the value).
 * - `only-raises`: this release writes nf_conntrack_max only when its value is larger, so a larger
 *   sysctl.conf value stays; with `timeouts`, the two TCP timeouts too (1.23 … 1.28).
 * - `leaves-max`: maxPerCore is 0: kube-proxy leaves nf_conntrack_max (and min) alone.
 * - `capped`: since 1.36 the per-core product is capped at 1,048,576 (`maxLimit` in
 * getConntrackMax(), pkg/proxy/conntrack/sysctls.go; CHANGELOG-1.36.md; docs/kernel-facts.md §6).
 * - `would-cap`: before 1.36 no cap; upgrading to 1.36 would lower this to 1,048,576.
 * - `above-int-max`: the sysctl refuses values above INT_MAX; kube-proxy would fail to start.
 * - `hashsize`: kube-proxy writes max / 4 to /sys/module/nf_conntrack/parameters/hashsize when the
 *   table is smaller; that needs the host's network namespace and a writable /sys. With `fatal`
 *   (1.36 on) any failure stops kube-proxy; before, a read-only /sys only raised an event.
 * - `lowers-larger-max`: 1.36 and 1.37 write the capped value even over a larger one; backports of
 *   the 1.38 change to their patch releases were proposed, not confirmed.
 * - `sets-timeouts`: kube-proxy writes nf_conntrack_tcp_timeout_established and _close_wait.
 * - `raises-timeouts`: 1.23 … 1.28 write each TCP timeout only when larger than the kernel's own;
 *   the values it writes on a node where nothing else set them (null: it stays).
 */
export type KubeProxyNote =
  | { code: "overwrites-max" }
  | { code: "leaves-max" }
  | { code: "capped"; scaled: number }
  | { code: "would-cap"; scaled: number }
  | { code: "above-int-max"; max: number }
  | { code: "hashsize"; hashsize: number; fatal: boolean }
  | { code: "only-raises"; timeouts: boolean }
  | { code: "lowers-larger-max" }
  | { code: "sets-timeouts" }
  | { code: "raises-timeouts"; established: number | null; closeWait: number | null };

export interface KubeProxyResult {
  /** The nf_conntrack_max kube-proxy writes; null when it leaves the kernel's value alone. */
  readonly max: number | null;
  readonly decidedBy: "per-core" | "min" | "cap" | "left-alone";
  /** maxPerCore × cores; null when maxPerCore is 0. */
  readonly scaled: number | null;
  /** 1,048,576 when the cap decided the value, else null. */
  readonly cappedAt: number | null;
  /** max / 4 (Go integer division): what kube-proxy writes as hashsize if the table is smaller. */
  readonly hashsizeTarget: number | null;
  /**
   * The timeouts kube-proxy writes, in seconds; null when it leaves them alone (1.23 … 1.28: when
   * the value is not above the kernel's own, on a node where nothing else set it).
   */
  readonly tcpEstablishedSeconds: number | null;
  readonly tcpCloseWaitSeconds: number | null;
  readonly notes: readonly KubeProxyNote[];
  /** The release this result is for (its write policy decides what the node keeps). */
  readonly version: KubernetesVersion;
}

/**
 * What kube-proxy does to conntrack on a node, following getConntrackMax():
 * `if maxPerCore > 0 { scaled := maxPerCore * numCPU; if scaled > 1048576 { return 1048576 };
 * if scaled > min { return scaled }; return min }; return 0` (the cap only from 1.36; 0 = leave
 * nf_conntrack_max as it is). Note the cap applies to the per-core product only: a larger `min`
 * still wins when the product is below the cap.
 *
 * @example computeKubeProxy({ cores: 8, version: k8s(36) }).max === 262144
 * @example computeKubeProxy({ cores: 64, version: k8s(35) }).max === 2097152
 * @example computeKubeProxy({ cores: 64, version: k8s(36) }).max === 1048576
 */
export function computeKubeProxy(params: KubeProxyParams): KubeProxyResult {
  const maxPerCore = params.maxPerCore ?? KUBE_PROXY.defaultMaxPerCore;
  const floor = params.min ?? KUBE_PROXY.defaultMin;
  const established = params.tcpEstablishedSeconds ?? KUBE_PROXY.tcpEstablishedSeconds;
  const closeWait = params.tcpCloseWaitSeconds ?? KUBE_PROXY.tcpCloseWaitSeconds;
  const capped = k8sAtLeast(params.version, KUBE_PROXY.capSince);
  const mode = kubeProxyWriteMode(params.version);
  const notes: KubeProxyNote[] = [];

  let max: number | null = null;
  let decidedBy: KubeProxyResult["decidedBy"] = "left-alone";
  let scaled: number | null = null;
  if (maxPerCore > 0) {
    // Go int is 64-bit: int32 × at most 8192 cores stays far below 2^53.
    scaled = maxPerCore * params.cores;
    if (capped && scaled > KUBE_PROXY.cap) {
      max = KUBE_PROXY.cap;
      decidedBy = "cap";
      notes.push({ code: "capped", scaled });
    } else if (scaled > floor) {
      max = scaled;
      decidedBy = "per-core";
      if (!capped && scaled > KUBE_PROXY.cap) notes.push({ code: "would-cap", scaled });
    } else {
      max = floor;
      decidedBy = "min";
    }
  }

  if (max === null) {
    notes.push({ code: "leaves-max" });
  } else {
    notes.push(
      mode === "overwrites"
        ? { code: "overwrites-max" }
        : { code: "only-raises", timeouts: mode === "raises-all" },
    );
    // nf_conntrack_max is bounded 0..INT_MAX (proc_dointvec_minmax, 8b6861390ffe).
    if (max > INT_MAX) notes.push({ code: "above-int-max", max });
    notes.push({
      code: "hashsize",
      hashsize: floorDiv(max, 4),
      fatal: k8sAtLeast(params.version, KUBE_PROXY.hashsizeFatalSince),
    });
    if (mode === "overwrites" && capped) notes.push({ code: "lowers-larger-max" });
  }
  // A timeout of 0 is left as is; 1.23 … 1.28 write one only above the kernel's own.
  const written = (value: number, kernel: number): number | null =>
    value > 0 && (mode !== "raises-all" || value > kernel) ? value : null;
  const establishedWritten = written(established, KERNEL_TCP_TIMEOUTS.established);
  const closeWaitWritten = written(closeWait, KERNEL_TCP_TIMEOUTS.closeWait);
  if (mode === "raises-all" && (established > 0 || closeWait > 0)) {
    notes.push({ code: "raises-timeouts", established: establishedWritten, closeWait: closeWaitWritten });
  } else if (establishedWritten !== null || closeWaitWritten !== null) {
    notes.push({ code: "sets-timeouts" });
  }

  return {
    max,
    decidedBy,
    scaled,
    cappedAt: decidedBy === "cap" ? KUBE_PROXY.cap : null,
    hashsizeTarget: max === null ? null : floorDiv(max, 4),
    tcpEstablishedSeconds: establishedWritten,
    tcpCloseWaitSeconds: closeWaitWritten,
    notes,
    version: params.version,
  };
}

/**
 * The hashsize kube-proxy writes: max / 4 when the current one is smaller, else nothing (SetMax():
 * `if hashsize >= (max / 4) { return nil }`).
 *
 * @example kubeProxyHashsizeWrite(1048576, 262144) === null
 * @example kubeProxyHashsizeWrite(262144, 16384) === 65536
 * @internal exported for its tests
 */
export function kubeProxyHashsizeWrite(max: number, currentHashsize: number): number | null {
  const target = floorDiv(max, 4);
  return currentHashsize >= target ? null : target;
}

/** Where the node's nf_conntrack_max comes from once kube-proxy has run. */
export type KubeNodeMaxSource =
  /** kube-proxy wrote its own value (it overwrites, or its value is the larger one). */
  | "kube-proxy"
  /** A raise-only release left the kernel's own boot default, which was larger. */
  | "kernel-default"
  /** A raise-only release (or maxPerCore 0) left the sysctl.d value, which was larger. */
  | "sysctl";

export interface KubeNode {
  /** The nf_conntrack_max the node ends up with once kube-proxy has run. */
  readonly max: number;
  readonly source: KubeNodeMaxSource;
  /** The table the kernel sized by itself (hashsize as kube-proxy reads it). */
  readonly bucketsBefore: number;
  /** What kube-proxy writes to hashsize, or null if it leaves it. */
  readonly hashsizeWritten: number | null;
  /** The table afterwards: the written value rounded like every table (nf_ct_alloc_hashtable()). */
  readonly buckets: number;
  readonly memory: { readonly entries: Bytes; readonly hashTable: Bytes; readonly total: Bytes };
}

/**
 * The node after kube-proxy has run: its nf_conntrack_max and the memory at a full table (max ×
 * bytes per entry plus the hash table, which is the kernel's own size unless kube-proxy grew it to
 * max / 4). Before kube-proxy runs the node holds `sysctlMax` when a sysctl.d file set one, else the
 * kernel's own boot default for this RAM and kernel (computeKernelDefault()). kube-proxy then:
 * - `overwrites`: writes its value whenever it differs (setIntSysCtl(), `val != value`,
 *   pkg/proxy/conntrack/sysctls.go @ 008b3652959c);
 * - `raises-all` / `raises-max`: writes it only when the node's value is smaller, so a larger one
 *   stays (setIntSysCtl() `val < value`, cmd/kube-proxy/app/conntrack.go in 1.23 … 1.28; 1.38's
 *   sysctls.go after #142035, whose test "SetMax is not called if sysctl value is higher than
 *   wanted" pins it);
 * - maxPerCore 0: leaves it (`if max > 0` in setSysctls()).
 * The hashsize check is kube-proxy's own max / 4 against the current hashsize in every release
 * (1.38's test "SetHashsize is not called if max is wrong but hashsize is correct"). Assumes no
 * hashsize was given at boot. Null when kube-proxy's value is above INT_MAX (it fails to start).
 *
 * @example computeKubeNode(inputs16GiB612, computeKubeProxy({ cores: 4, version: k8s(38) }))
 * // { max: 262144, source: "kernel-default", memory.total: 69206016 } at 256 B per entry
 */
export function computeKubeNode(
  inputs: Inputs,
  result: KubeProxyResult,
  sysctlMax: number | null = null,
): KubeNode | null {
  if (result.max !== null && result.max > INT_MAX) return null;
  const kernel = computeKernelDefault({
    ram: inputs.ram,
    arch: inputs.arch,
    kernel: inputs.kernel,
    page: inputs.page,
    struct: inputs.struct,
  });
  const before = sysctlMax ?? kernel.max;
  const beforeSource: KubeNodeMaxSource = sysctlMax === null ? "kernel-default" : "sysctl";
  const raisesOnly = kubeProxyWriteMode(result.version) !== "overwrites";
  let max = before;
  let source: KubeNodeMaxSource = beforeSource;
  if (result.max !== null && (!raisesOnly || result.max > before)) {
    max = result.max;
    source = "kube-proxy";
  }
  const hashsizeWritten = result.max === null ? null : kubeProxyHashsizeWrite(result.max, kernel.buckets);
  const { headBytes, bucketStep } = computeTableGeometry(inputs.kernel, inputs.arch, inputs.page);
  const buckets = hashsizeWritten === null ? kernel.buckets : roundUp(hashsizeWritten, bucketStep);
  const entries = bytes(max * inputs.struct);
  const hashTable = bytes(buckets * headBytes);
  return {
    max,
    source,
    bucketsBefore: kernel.buckets,
    hashsizeWritten,
    buckets,
    memory: { entries, hashTable, total: bytes(entries + hashTable) },
  };
}
