import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const SOURCE = fileURLToPath(new URL("../src/worker/service-worker.ts", import.meta.url));
const FILE_NAME = "sw.js";

/**
 * Builds src/worker/service-worker.ts into sw.js, with this build's name (a hash of its file
 * names) and the files to precache written in for the two placeholders. The worker is its own
 * entry chunk and imports nothing, so sw.js is a classic script with no import statements.
 */
export function serviceWorker(): Plugin {
  return {
    name: "offline-service-worker",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "chunk", id: SOURCE, fileName: FILE_NAME });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[FILE_NAME];
      if (worker?.type !== "chunk") throw new Error(`${FILE_NAME} was not built`);
      const files = Object.keys(bundle).filter((name) => name !== FILE_NAME && !name.endsWith(".map"));
      const build = createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 12);
      const precache = ["./", ...files.map((name) => `./${name}`), "./favicon.svg"];
      const code = worker.code.replace("__BUILD__", build).replace("__PRECACHE__", precache.join(" "));
      if (
        code.includes("__BUILD__") ||
        code.includes("__PRECACHE__") ||
        /^\s*(import|export)\b/m.test(code)
      ) {
        throw new Error(`${FILE_NAME}: placeholders left, or not a classic script`);
      }
      worker.code = code;
    },
  };
}
