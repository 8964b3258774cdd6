import { create } from "zustand";
import type { Locale } from "../domain/core/locale";
import { flushUrlSync } from "./url-sync";

/**
 * What the page knows about its own files: whether a newer build is ready, and whether a
 * language could not be loaded. Kept apart from the calculator's state: none of it is in a link.
 */
export interface PageStatus {
  /** A newer build of the page is installed (or this one's files are gone): reload when convenient. */
  readonly updateReady: boolean;
  /** A language that was asked for and could not be loaded; the page stays in the one it shows. */
  readonly failedLocale: Locale | null;
}

export const usePageStatus = create<PageStatus>()(() => ({ updateReady: false, failedLocale: null }));

export function markUpdateReady(): void {
  usePageStatus.setState({ updateReady: true });
}

export function markLocaleFailed(locale: Locale): void {
  usePageStatus.setState({ failedLocale: locale });
}

/** How often an open tab asks whether a new build was deployed (also on returning to the tab). */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * Registers the offline service worker (builds only; src/worker/service-worker.ts) and watches
 * for a newer one: once it has installed beside the one serving this tab, the page says so.
 */
export function registerServiceWorker(container: ServiceWorkerContainer): void {
  const whenInstalled = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === "installed" && container.controller) markUpdateReady();
    };
    check();
    worker.addEventListener("statechange", check);
  };
  container
    .register("./sw.js")
    .then((registration) => {
      whenInstalled(registration.waiting);
      whenInstalled(registration.installing);
      registration.addEventListener("updatefound", () => whenInstalled(registration.installing));
      const update = () => void registration.update().catch(() => undefined);
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") update();
      });
      setInterval(update, UPDATE_CHECK_MS);
    })
    .catch(() => undefined);
}

/**
 * Reloads the page on the newest build: a waiting service worker is asked to take over first,
 * and the page reloads once it has. The fields come back from the address bar.
 */
export function reloadPage(): void {
  flushUrlSync();
  const container = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  void (container?.getRegistration() ?? Promise.resolve(undefined))
    .catch(() => undefined)
    .then((registration) => {
      const waiting = registration?.waiting;
      if (!container || !waiting) {
        window.location.reload();
        return;
      }
      container.addEventListener("controllerchange", () => window.location.reload(), { once: true });
      waiting.postMessage("skip-waiting");
    });
}
