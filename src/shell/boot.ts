import { paintShellNumbers, shellNumbers } from "./numbers";
const frame = document.querySelector("#root > .shell > .results");
if (frame) paintShellNumbers(frame, shellNumbers(window.location.search, navigator.languages));
