import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/app";
import { startUrlSync } from "./store/url-sync";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  startUrlSync();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
