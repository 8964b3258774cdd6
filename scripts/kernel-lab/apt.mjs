// Debian packages through a private apt configuration under .kernel-lab/apt/<suite>: its own
// sources.list, state, cache and an empty status file, so the host's /etc/apt is never touched
// and every suite resolves its own metapackages.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const MIRROR = "http://deb.debian.org/debian";

function aptDir(labDir, suite) {
  const d = join(labDir, "apt", suite);
  if (!existsSync(join(d, "sources.list"))) {
    for (const sub of ["state/lists/partial", "cache/archives/partial", "debs"]) {
      mkdirSync(join(d, sub), { recursive: true });
    }
    writeFileSync(join(d, "status"), "");
    writeFileSync(join(d, "sources.list"), `deb [arch=amd64,i386,arm64] ${MIRROR} ${suite} main\n`);
  }
  return d;
}

function aptOptions(d) {
  return [
    `-o=Dir::Etc::SourceList=${join(d, "sources.list")}`,
    "-o=Dir::Etc::SourceParts=/dev/null",
    `-o=Dir::State=${join(d, "state")}`,
    `-o=Dir::State::status=${join(d, "status")}`,
    `-o=Dir::Cache=${join(d, "cache")}`,
    "-o=APT::Architectures=amd64,i386,arm64",
    "-o=Debug::NoLocking=1",
  ];
}

/** A private apt for one suite: update once (cached), then query and download. */
export function privateApt(labDir, suite) {
  const d = aptDir(labDir, suite);
  const opts = aptOptions(d);
  const run = (cmd, args, cwd) =>
    execFileSync(cmd, [...opts, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const stamp = join(d, "updated");
  if (!existsSync(stamp)) {
    run("apt-get", ["-q", "update"]);
    writeFileSync(stamp, new Date().toISOString());
  }
  return {
    /** The first real (non-virtual) Depends of a package whose name starts with `prefix`, or null. */
    resolve(pkg, prefix) {
      let out;
      try {
        out = run("apt-cache", ["depends", "--no-recommends", "--no-suggests", pkg]);
      } catch {
        return null; // "E: No packages found": the suite has no such metapackage
      }
      const deps = [...out.matchAll(/^\s+\|?Depends: ([^<\s]+)$/gm)].map((m) => m[1]);
      return deps.find((n) => n.startsWith(prefix)) ?? null;
    },
    /** Package names in the recursive Depends closure of `pkg` (pkg:arch style names allowed). */
    closure(pkg) {
      const out = run("apt-cache", [
        "depends",
        "--recurse",
        "--no-recommends",
        "--no-suggests",
        "--no-conflicts",
        "--no-breaks",
        "--no-replaces",
        "--no-enhances",
        pkg,
      ]);
      return [...new Set(out.split("\n").filter((l) => /^[a-z0-9]/.test(l)))];
    },
    version(pkg) {
      const out = run("apt-cache", ["show", "--no-all-versions", pkg]);
      return /^Version: (.+)$/m.exec(out)?.[1] ?? null;
    },
    /** Downloads (once) and returns { file, sha256, package, version }. */
    download(pkg) {
      const debs = join(d, "debs");
      const version = this.version(pkg);
      const [name, arch] = pkg.split(":");
      const want = `${name}_${version.replace(/:/g, "%3a")}_`;
      const find = () =>
        readdirSync(debs).find(
          (f) => f.startsWith(want) && (!arch || f.includes(`_${arch}.deb`) || f.endsWith("_all.deb")),
        );
      if (!find()) run("apt-get", ["-q", "download", pkg], debs);
      const file = join(debs, find());
      const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
      return { file, sha256, package: name, version };
    },
  };
}

/** Unpacks a .deb into `dir` (dpkg-deb -x). */
export function extractDeb(file, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync("dpkg-deb", ["-x", file, dir]);
}
