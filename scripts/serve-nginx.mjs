// Serves the built site (dist/) with nginx from Debian, configured by deploy/nginx/nf-conntrack.conf
// as it is shipped (only its `listen` and `root` lines replaced), at http://127.0.0.1:<port>/nf-conntrack/.
// The end-to-end tests that depend on the server run against it (playwright.nginx.config.ts).
//
//   node scripts/serve-nginx.mjs [--port N] [--dist DIR]
//
// Port: --port, else NGINX_PORT, else a free one. Working directory: NGINX_WORK, else a new one in
// the temp directory; it holds nginx.conf, nginx's temp files and site/nf-conntrack, a symlink to
// dist/ that a test may point at another build (a deploy). nginx runs in the foreground; SIGTERM or
// SIGINT stops it. When nginx is missing it is installed from Debian as root (apt-get), as the
// target validators install their tools.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SITE_CONF = join(ROOT, "deploy/nginx/nf-conntrack.conf");
const SUB_PATH = "nf-conntrack";

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};

const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;

function ensureNginx() {
  if (has("nginx")) return;
  if (process.getuid?.() !== 0) {
    console.error("serve-nginx: nginx is missing; as root: apt-get install nginx");
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
  // The package lists are fetched only when there are none yet or the install cannot find nginx.
  const lists = existsSync("/var/lib/apt/lists") ? readdirSync("/var/lib/apt/lists") : [];
  if (!lists.some((name) => name.includes("_Packages")))
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  if (install().status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    if (install().status !== 0) {
      console.error("serve-nginx: apt-get install nginx failed");
      process.exit(1);
    }
  }
}

/** A port nothing listens on now, from the kernel's ephemeral range (never 4173-4199). */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The shipped site config with only where it listens and what it serves replaced. */
function siteConfig(port, site) {
  const shipped = readFileSync(SITE_CONF, "utf8");
  let replaced = 0;
  const text = shipped
    .replace(/^(\s*)listen 80;$/m, (_line, indent) => {
      replaced += 1;
      return `${indent}listen 127.0.0.1:${port};`;
    })
    .replace(/^(\s*)root \/var\/www\/nf-conntrack-site;$/m, (_line, indent) => {
      replaced += 1;
      return `${indent}root ${site};`;
    });
  if (replaced !== 2)
    throw new Error(`${SITE_CONF}: no "listen 80;" or "root /var/www/nf-conntrack-site;" line`);
  return text;
}

ensureNginx();
const port = Number(argument("--port") ?? process.env.NGINX_PORT ?? (await freePort()));
const dist = resolve(argument("--dist") ?? join(ROOT, "dist"));
if (!existsSync(join(dist, "index.html"))) {
  console.error(`serve-nginx: ${dist}/index.html is missing; run vite build first`);
  process.exit(1);
}
const work = process.env.NGINX_WORK ?? mkdtempSync(join(tmpdir(), "nf-conntrack-nginx-"));
const site = join(work, "site");
mkdirSync(join(work, "temp"), { recursive: true });
mkdirSync(site, { recursive: true });
// nginx's workers run as an unprivileged user when started as root: they must be able to enter.
for (const dir of [work, site]) chmodSync(dir, 0o755);
// site/nf-conntrack -> dist, replaced in one rename (a test repoints it the same way).
const link = join(site, SUB_PATH);
const next = `${link}.next`;
spawnSync("rm", ["-f", next]);
symlinkSync(dist, next);
renameSync(next, link);

const asRoot = process.getuid?.() === 0;
const conf = join(work, "nginx.conf");
writeFileSync(
  conf,
  `# Written by scripts/serve-nginx.mjs; the site is ${SITE_CONF}.
daemon off;
${asRoot ? "# Started as root, the workers would drop to www-data, who cannot enter a checkout in a private\n# directory (a fresh clone under mktemp -d is 0700): this test server's workers stay root.\nuser root;\n" : ""}worker_processes 1;
pid ${work}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    # The tests ask for missing files on purpose; the 404s need no log line each.
    log_not_found off;
    sendfile on;
    client_body_temp_path ${work}/temp/body;
    proxy_temp_path ${work}/temp/proxy;
    fastcgi_temp_path ${work}/temp/fastcgi;
    uwsgi_temp_path ${work}/temp/uwsgi;
    scgi_temp_path ${work}/temp/scgi;
${siteConfig(port, site)}
}
`,
);

const args = ["-p", work, "-c", conf, "-e", "stderr"];
const check = spawnSync("nginx", ["-t", ...args], { encoding: "utf8" });
if (check.status !== 0) {
  console.error(check.stderr);
  process.exit(1);
}
const version = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr.trim();
console.log(`serve-nginx: ${version} at http://127.0.0.1:${port}/${SUB_PATH}/ serving ${dist} (${work})`);
const nginx = spawn("nginx", args, { stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => nginx.kill("SIGTERM"));
nginx.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
