import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/app";
import { initialLocale, loadMessages } from "./i18n/messages";
import { useCalcStore } from "./store/calc-store";
import { startUrlSync } from "./store/url-sync";
import "./styles.css";

// Offline after the first visit (sw.js exists in builds only; see scripts/service-worker-plugin.ts).
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener(
    "load",
    () => void navigator.serviceWorker.register("./sw.js").catch(() => undefined),
  );
}

const root = document.getElementById("root");
if (root) {
  startUrlSync();
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
