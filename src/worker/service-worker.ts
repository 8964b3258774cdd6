/// <reference lib="webworker" />
/**
 * The offline service worker, built by scripts/service-worker-plugin.ts into sw.js, which also
 * writes this build's file list and name in place of the two constants below.
 *
 * - Every file of the build is precached under a cache named after the build. Hashed names never
 *   change, so they are served from the caches first; the page itself network-first, so a new
 *   deploy shows on the next load whenever the network is there. Only a successful answer for
 *   the app's own index replaces the offline copy (isAppIndex()).
 * - A new build installs beside the old one and waits: an open tab keeps the worker, and the
 *   files, it started with. The page sees the waiting worker, says a new version is ready, and
 *   its Reload button asks the worker to take over (the "skip-waiting" message).
 * - Taking over keeps the caches of the previous builds (KEPT_BUILDS in all), so another tab
 *   still on an older build finds its lazily loaded files; only older ones are deleted.
 */
declare const self: ServiceWorkerGlobalScope;
export {};

/** This build's name and its files, one per line, written in by the build. */
const BUILD = "__BUILD__";
const PRECACHE: string[] = "__PRECACHE__".split(" ");

const PREFIX = "nf-conntrack-";
const CACHE = `${PREFIX}${BUILD}`;
/** Where the names of the builds seen, oldest first, are kept (not a build's cache itself). */
const BUILDS_CACHE = "nf-conntrack:builds";
const BUILDS_KEY = "./builds.json";
/** This build and the two before it keep their files. */
const KEPT_BUILDS = 3;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(keepRecentBuilds().then(() => self.clients.claim()));
});

async function keepRecentBuilds(): Promise<void> {
  const store = await caches.open(BUILDS_CACHE);
  const seen = (await store.match(BUILDS_KEY).then((r) => r?.json())) as string[] | undefined;
  const kept = [...(seen ?? []).filter((name) => name !== CACHE), CACHE].slice(-KEPT_BUILDS);
  await store.put(BUILDS_KEY, new Response(JSON.stringify(kept)));
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(PREFIX) && !kept.includes(name))
      .map((name) => caches.delete(name)),
  );
}

/**
 * Whether a page the network gave may become the offline copy of the app: only a plain 200 for the
 * app's own index (the scope itself, or its index.html), from this origin, as HTML. Any other page
 * in the scope (a host's "404 Not Found", an error page, a redirect, a login wall) would otherwise
 * be served in the app's place once offline.
 */
function isAppIndex(request: Request, response: Response): boolean {
  const scope = new URL(self.registration.scope).pathname;
  const path = new URL(request.url).pathname;
  return (
    (path === scope || path === `${scope}index.html`) &&
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    (response.headers.get("content-type") ?? "").startsWith("text/html")
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (isAppIndex(request, response)) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put("./", copy));
          }
          return response;
        })
        .catch(
          async () =>
            (await caches.match("./", { ignoreSearch: true, ignoreVary: true })) ?? Response.error(),
        ),
    );
    return;
  }
  // Any build's cache will do: the names are hashed. ignoreVary: hosts that send "Vary: Origin"
  // would otherwise miss, as the page's crossorigin requests carry an Origin header the precache
  // did not.
  event.respondWith(caches.match(request, { ignoreVary: true }).then((cached) => cached ?? fetch(request)));
});
