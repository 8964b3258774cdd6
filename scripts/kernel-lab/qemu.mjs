// QEMU command lines and boots with a hard timeout (the guest is killed, and the boot recorded as
// failed, when it has not powered off in time).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BOOT_TIMEOUT_MS = 180_000;
const KVM_PROBE_TIMEOUT_MS = 20_000;

/** Emulator and console per Debian machine; 686-pae needs a CPU with PAE (-cpu max). */
const MACHINES = {
  amd64: { binary: "qemu-system-x86_64", machine: [], cpu: ["-cpu", "max"], console: "ttyS0" },
  i386: { binary: "qemu-system-i386", machine: [], cpu: ["-cpu", "max"], console: "ttyS0" },
  arm64: { binary: "qemu-system-aarch64", machine: ["-M", "virt"], cpu: ["-cpu", "max"], console: "ttyAMA0" },
};

export function qemuCommand({ machine, kernel, initrd, memoryMiB, accel }) {
  const m = MACHINES[machine];
  return [
    m.binary,
    ...m.machine,
    "-accel",
    accel,
    ...(accel === "kvm" ? ["-cpu", "host"] : m.cpu),
    "-m",
    `${memoryMiB}M`,
    "-smp",
    "1",
    "-nic",
    "none",
    "-nographic",
    "-no-reboot",
    "-kernel",
    kernel,
    "-initrd",
    initrd,
    "-append",
    `console=${m.console} panic=-1 quiet`,
  ];
}

/** Runs a command line; resolves { output, timedOut, code, seconds } and never rejects. */
export function boot(argv, timeoutMs = BOOT_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(argv[0], argv.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    let timedOut = false;
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      resolve({
        output: Buffer.concat(chunks).toString("utf8").replace(/\r/g, ""),
        timedOut,
        code,
        seconds: (Date.now() - started) / 1000,
      });
    };
    child.on("error", () => finish(-1));
    child.on("close", finish);
  });
}

/**
 * KVM opens on some hosts but its guests hang before the first kernel message: one short boot
 * decides, and the verdict is cached in .kernel-lab/accel.json.
 */
export async function chooseAccel(labDir, probe) {
  const cache = join(labDir, "accel.json");
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")).accel;
  let accel = "tcg";
  if (existsSync("/dev/kvm")) {
    const r = await boot(qemuCommand({ ...probe, accel: "kvm" }), KVM_PROBE_TIMEOUT_MS);
    if (!r.timedOut && r.output.includes("@@LAB DONE")) accel = "kvm";
  }
  writeFileSync(cache, `${JSON.stringify({ accel, decided: new Date().toISOString() })}\n`);
  return accel;
}
