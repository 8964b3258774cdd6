import { createServer, type Server } from "node:http";
import {
  chmod,
  cp,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { expect, test } from "./fixtures";

/**
 * A deploy, end to end: a server that serves build A, then build B in its place (A's files gone,
 * as on a static host), and a tab opened on A. B is A with every hashed file renamed and changed,
 * which is what a deploy that touched every file looks like to a browser.
 *
 * Under playwright.nginx.config.ts the server is nginx (scripts/serve-nginx.mjs), and a deploy is
 * its site directory repointed from one build to the other in one rename, as a host switches a
 * release symlink; otherwise a small server of this file's own.
 */
const NGINX_WORK = process.env.NGINX_WORK;
const PORT = 4175;
const BASE = "/nf-conntrack/";
const ORIGIN = `http://127.0.0.1:${PORT}`;

if (!NGINX_WORK) test.use({ baseURL: `${ORIGIN}${BASE}` });
test.describe.configure({ mode: "serial" });

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

let server: Server | null = null;
let root = "";
/** What nginx served before this file repointed it. */
let nginxBefore = "";
let buildA = "";
let buildB = "";
let work = "";

/** Build B: each asset renamed (its hash + "b") and one byte longer, every reference rewritten. */
async function makeBuildB(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
  const assets = await readdir(join(to, "assets"));
  const renamed = new Map(assets.map((name) => [name, name.replace(/(\.[a-z]+)$/, "b$1")]));
  for (const [name, next] of renamed) {
    const text = await readFile(join(to, "assets", name), "utf8");
    await writeFile(join(to, "assets", name), `${text}\n`);
    await rename(join(to, "assets", name), join(to, "assets", next));
  }
  const texts = ["index.html", "sw.js", ...[...renamed.values()].map((name) => join("assets", name))];
  for (const file of texts) {
    let text = await readFile(join(to, file), "utf8");
    for (const [name, next] of renamed) text = text.split(name).join(next);
    await writeFile(join(to, file), text);
  }
}

/** The directory nginx serves the page from: a symlink to a build. */
const nginxSite = (work: string) => join(work, "site", "nf-conntrack");

/** Serves this build from now on. */
async function deploy(build: string): Promise<void> {
  root = build;
  if (!NGINX_WORK) return;
  const next = `${nginxSite(NGINX_WORK)}.next`;
  await rm(next, { force: true });
  await symlink(build, next);
  await rename(next, nginxSite(NGINX_WORK));
}

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "nf-conntrack-deploy-"));
  // nginx's workers, unprivileged, read the builds from here.
  await chmod(work, 0o755);
  buildA = join(work, "a");
  buildB = join(work, "b");
  await cp("dist", buildA, { recursive: true });
  await makeBuildB(buildA, buildB);
  if (NGINX_WORK) {
    nginxBefore = await readlink(nginxSite(NGINX_WORK));
    await deploy(buildA);
    return;
  }
  await deploy(buildA);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", ORIGIN).pathname;
    const file = path.startsWith(BASE) ? path.slice(BASE.length) || "index.html" : null;
    if (file === null || file.includes("..")) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(root, file)).then(
      (body) => {
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  const started = server;
  await new Promise<void>((resolve) => started.listen(PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  if (NGINX_WORK) await deploy(nginxBefore);
  const running = server;
  if (running) await new Promise((resolve) => running.close(resolve));
  await rm(work, { recursive: true, force: true });
});

const DUMP = "MemTotal:       24683620 kB\n6.18.44 x86_64\n/proc/sys/net/netfilter/nf_conntrack_max:262144";

test("an open tab keeps working through a deploy, is told of it, and reloads onto the new build", async ({
  page,
}) => {
  await page.goto("./?ram=64GiB");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "2097152");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
  });
  const entry = async () => page.locator('script[type="module"][src]').getAttribute("src");
  const entryA = await entry();

  await deploy(buildB);
  // A's files are gone from the server; the tab still loads the parts it had not needed yet.
  await page.locator("textarea[name=paste]").fill(DUMP);
  await expect(page.getByTestId("current-max")).toHaveAttribute("data-value", "262144");
  await expect(page.getByTestId("page-status")).toHaveCount(0);

  // Returning to the tab makes the page look for a new build.
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  const status = page.getByTestId("page-status");
  await expect(status).toContainText("A new version of this page is ready");
  const reloaded = page.waitForEvent("load");
  await status.getByRole("button", { name: "Reload" }).click();
  await reloaded;

  await expect(page.getByTestId("page-status")).toHaveCount(0);
  await expect(page.locator("input[name=ram]")).toHaveValue("24683620 KiB");
  expect(await entry()).not.toBe(entryA);
  expect(await entry()).toMatch(/b\.js$/);
  await page.locator("textarea[name=paste]").fill(DUMP);
  await expect(page.getByTestId("current-max")).toHaveAttribute("data-value", "262144");
});
