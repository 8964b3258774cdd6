import { paintShellNumbers, shellNumbers } from "./numbers";

// Runs as a classic script right after the static shell (scripts/shell-numbers-plugin.ts).
const script = document.currentScript;
const { locale, numbers } = shellNumbers(window.location.search, navigator.languages);
const frame = document.querySelector("#root > .shell .results");
if (frame) paintShellNumbers(frame, numbers);

// The app renders once the page language's words are loaded; start that download now, beside
// the app's own, instead of after it. The build names the chunks in data-messages.
const chunks = JSON.parse(script?.dataset.messages ?? "{}") as Partial<Record<string, string>>;
const chunk = chunks[locale];
if (chunk) {
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = chunk;
  document.head.append(link);
}
