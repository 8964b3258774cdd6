import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/app";
import { initialLocale, loadMessages } from "./store/messages";
import { useCalcStore } from "./store/calc-store";
import { markUpdateReady, registerServiceWorker } from "./store/page-status";
import { startUrlSync } from "./store/url-sync";
import { startView } from "./store/view";
import { startInputsFold } from "./store/inputs-fold";
import "./styles.css";

// Offline after the first visit, and told of new deploys (sw.js exists in builds only).
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => registerServiceWorker(navigator.serviceWorker));
}

// Vite reports a lazily loaded file it could not fetch. Online, that means the files of this build
// are gone from the server (a new deploy): say a new version is ready. The error itself still
// reaches the part that asked for the file, which shows it in its place (LoadBoundary), so the
// page is not reloaded under the user's hands.
window.addEventListener("vite:preloadError", () => {
  if (navigator.onLine) markUpdateReady();
});

const root = document.getElementById("root");
if (root) {
  // Whether the inputs start folded depends on the address as opened, before it is normalised.
  startInputsFold(window.location.search);
  // The fields come from the address bar (the store reads nothing from the page by itself). The
  // sync catches what the browser's history throws; should anything else in it fail, the page
  // still mounts, on the defaults, rather than staying the static shell.
  try {
    startUrlSync();
    startView();
  } catch (error) {
    console.warn("address bar sync unavailable", error);
  }
  // The page waits for its language's (small) message chunk rather than flashing another one;
  // English if that chunk cannot be had. Without any words the shell and its numbers stay.
  void loadMessages(initialLocale(useCalcStore.getState().lang))
    .catch(() => loadMessages("en"))
    .then(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
}
