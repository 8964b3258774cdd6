import { tryParseKernelVersion } from "../kernel/kernel-version";
import type { Arch } from "../sizing/inputs";
import type { Reader } from "./parse-state";

/**
 * Pointer width by `uname -m`. 64-bit: x86_64, aarch64, ppc64(le), s390x, riscv64, mips64,
 * loongarch64, sparc64; armv8l is a 32-bit task on an arm64 kernel (COMPAT_UTS_MACHINE in
 * arch/arm64/include/asm/compat.h), so the kernel is 64-bit. 32-bit: the x86 i*86 and the ARM
 * armv4..armv7 names (a 32-bit ARM kernel names even ARMv8 cores "armv7"), mips, ppc, s390.
 */
const MACHINE_ARCH: Readonly<Record<string, Arch>> = {
  x86_64: 64,
  amd64: 64,
  aarch64: 64,
  aarch64_be: 64,
  armv8l: 64,
  ppc64: 64,
  ppc64le: 64,
  s390x: 64,
  riscv64: 64,
  mips64: 64,
  mips64el: 64,
  loongarch64: 64,
  sparc64: 64,
  i386: 32,
  i486: 32,
  i586: 32,
  i686: 32,
  armv4l: 32,
  armv4tl: 32,
  armv5l: 32,
  armv5tl: 32,
  armv5tel: 32,
  armv5tejl: 32,
  armv6l: 32,
  armv7l: 32,
  armv7b: 32,
  mips: 32,
  mipsel: 32,
  ppc: 32,
  s390: 32,
  riscv32: 32,
};

/** `uname -r`: VERSION.PATCHLEVEL.SUBLEVEL then EXTRAVERSION/LOCALVERSION (the kernel Makefile). */
const RELEASE = /^\d{1,2}\.\d{1,3}\.\d{1,5}(?:[-+~_.][\w.+~-]{0,120})?$/;
/** An IPv4 address is not a release, though 8.8.8.8 would read as one. */
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const MACHINE = /^[a-z][a-z0-9_]{1,19}$/;

/**
 * uname(1): `uname -r` (release), `uname -m` (machine), `uname -rm` (both), `uname -srm`
 * (`Linux 6.8.0 x86_64`) and `uname -a` (`Linux host release #version ... machine [processor
 * platform] GNU/Linux`; busybox prints the same fields).
 */
export const readUname: Reader = (state, _line, tokens, record) => {
  let release: string | null = null;
  let machine: string | null = null;
  const [t0 = "", t1 = "", t2 = ""] = tokens;
  if (tokens.length === 1 && RELEASE.test(t0)) release = t0;
  else if (tokens.length === 1 && MACHINE_ARCH[t0] !== undefined) machine = t0;
  else if (tokens.length === 2 && RELEASE.test(t0) && MACHINE.test(t1)) [release, machine] = [t0, t1];
  else if (tokens.length === 3 && t0 === "Linux" && RELEASE.test(t1) && MACHINE.test(t2)) {
    [release, machine] = [t1, t2];
  } else if (t0 === "Linux" && tokens.length >= 5 && RELEASE.test(t2) && tokens[3]?.startsWith("#")) {
    release = t2;
    machine = tokens.slice(4).find((t) => MACHINE_ARCH[t] !== undefined) ?? null;
    if (machine === null) record.note = "unknown-machine";
  } else return false;
  if (release !== null && (IPV4.test(release) || !tryParseKernelVersion(release).ok)) return false;
  record.kind = "uname";
  if (release !== null) {
    if (state.out.kernelRelease === undefined) state.out.kernelRelease = release;
    else record.note = state.out.kernelRelease === release ? "duplicate" : "conflict";
  }
  if (machine !== null) {
    const arch = MACHINE_ARCH[machine];
    if (arch === undefined) record.note = "unknown-machine";
    if (state.out.machine === undefined) {
      state.out.machine = machine;
      if (arch !== undefined) state.out.arch = arch;
    } else if (record.note === undefined) {
      record.note = state.out.machine === machine ? "duplicate" : "conflict";
    }
  }
  return true;
};
