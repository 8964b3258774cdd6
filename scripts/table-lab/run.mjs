// npm run table-lab (as root): makes the known traffic of plan.mjs in a private network namespace
// (`unshare -n`: its own loopback and conntrack table, the host's untouched), dumps the table with
// conntrack -L, -o extended, -o xml, -o save and /proc/net/nf_conntrack, and writes the dumps with
// their provenance to fixtures/table/lab-<kernel>/, which the unit tests read.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { EXPECTED, TRAFFIC } from "./plan.mjs";
import { labUnavailable, versionOf } from "./tools.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const unavailable = labUnavailable();
if (unavailable) {
  console.error(`table-lab: cannot run here: ${unavailable}`);
  process.exit(1);
}

const release = execFileSync("uname", ["-r"], { encoding: "utf8" }).trim();
const kernel = release.split("-")[0] ?? release;
const work = mkdtempSync(join(tmpdir(), "table-lab-"));
execFileSync("unshare", ["-n", process.execPath, join(here, "in-namespace.mjs"), work], { stdio: "inherit" });

const out = join(here, "..", "..", "fixtures", "table", `lab-${kernel}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = readdirSync(work).sort();
for (const file of files) copyFileSync(join(work, file), join(out, file));
rmSync(work, { recursive: true, force: true });
const provenance = {
  made: new Date().toISOString().slice(0, 10),
  by: "npm run table-lab (scripts/table-lab/run.mjs), in a private network namespace (unshare -n)",
  kernelRelease: release,
  conntrackTools: versionOf("conntrack", ["--version"]),
  nftables: versionOf("nft", ["--version"]),
  commands: {
    "conntrack-L.txt": "conntrack -L 2>&1 (the summary from stderr lands inside an entry line)",
    "conntrack-L-extended.txt": "conntrack -L -o extended",
    "conntrack-L-xml.xml": "conntrack -L -o xml",
    "conntrack-L-save.txt": "conntrack -L -o save (carries no mark)",
    "proc-net-nf_conntrack.txt": "cat /proc/net/nf_conntrack",
  },
  traffic: TRAFFIC,
  expected: EXPECTED,
  files,
};
writeFileSync(join(out, "provenance.json"), `${JSON.stringify(provenance, null, 2)}\n`);
console.log(`table-lab: ${files.length} dumps of kernel ${release} in ${out}`);
