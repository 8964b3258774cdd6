import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "vite";

const ENTRY = fileURLToPath(new URL("../src/shell/boot.ts", import.meta.url));
const MARKER = "<!-- shell-numbers: scripts/shell-numbers-plugin.ts puts the script here -->";

/**
 * src/shell/boot.ts writes a link's three numbers into the static shell. In builds it becomes one
 * small classic script, placed right after the shell in index.html: the parser runs it on the
 * spot, so the numbers are in the page by its first paint. (Chromium runs module scripts only
 * after the first paint: measured here, a one-line module ran at 253 ms, the same line as a
 * classic script at 142 ms.) The app's code for the same numbers stays in the app's own chunks;
 * the duplicate is this script, about 3 KB gzipped. In development the file runs as a module.
 */
export function shellNumbers(): Plugin {
  let fileName = "";
  let command: "build" | "serve" = "serve";
  return {
    name: "shell-numbers",
    configResolved(config) {
      command = config.command;
    },
    async buildStart() {
      if (command !== "build") return;
      const output = await build({
        configFile: false,
        logLevel: "silent",
        publicDir: false,
        build: {
          write: false,
          target: "es2022",
          minify: true,
          lib: { entry: ENTRY, formats: ["iife"], name: "nfConntrackShell", fileName: () => "boot.js" },
        },
      });
      const results = Array.isArray(output) ? output : [output];
      const chunk = results.flatMap((result) => ("output" in result ? result.output : []))[0];
      if (!chunk || chunk.type !== "chunk") throw new Error("shell-numbers: no script built");
      const hash = createHash("sha256").update(chunk.code).digest("base64url").slice(0, 8);
      fileName = `assets/shell-numbers-${hash}.js`;
      this.emitFile({ type: "asset", fileName, source: chunk.code });
    },
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        if (!html.includes(MARKER)) throw new Error("shell-numbers: index.html lost its marker");
        if (command !== "build") {
          return html.replace(MARKER, `<script type="module" src="/src/shell/boot.ts"></script>`);
        }
        // Vite moves the app's module script into <head>; there its download and compilation
        // delayed this script by about 100 ms. After it, the app starts right behind the numbers.
        const app = /^\s*<script type="module" crossorigin src="[^"]+"><\/script>\n/m.exec(html)?.[0];
        if (!app) throw new Error("shell-numbers: no module script for the app");
        // The message chunks by language, for the script to preload the page's own.
        const messages = Object.fromEntries(
          Object.values(bundle ?? {}).flatMap((item) => {
            const locale =
              item.type === "chunk" && /\/src\/i18n\/([\w-]+)\.ts$/.exec(item.facadeModuleId ?? "")?.[1];
            return locale ? [[locale, `./${item.fileName}`]] : [];
          }),
        );
        const script = `<script src="./${fileName}" data-messages='${JSON.stringify(messages)}'></script>`;
        return html.replace(app, "").replace(MARKER, `${script}\n${app.trimEnd()}`);
      },
    },
  };
}
