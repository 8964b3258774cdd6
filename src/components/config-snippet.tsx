import { useRef } from "react";
import { SYSCTL_FILE_NAME } from "../domain/sysctl-config";
import { useSizing } from "../store/calc-store";
import { useSysctlConfig } from "../store/config";
import { shareLink } from "../store/link";
import { useCopy, type CopyStatus } from "./use-copy";

export function ConfigSnippet() {
  const config = useSysctlConfig();
  const { validRaw } = useSizing();
  const snippet = useRef<HTMLPreElement>(null);
  const [copyStatus, copy] = useCopy();
  const [linkStatus, copyLink] = useCopy();

  const selectSnippet = () => {
    const node = snippet.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    selection.selectAllChildren(node);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([config], { type: "text/plain" }));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = SYSCTL_FILE_NAME;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className="config" aria-labelledby="config-heading">
      <h2 id="config-heading">
        Config: <code>/etc/sysctl.d/{SYSCTL_FILE_NAME}</code>
      </h2>
      <div className="actions">
        <button type="button" onClick={() => copy(config, selectSnippet)}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download {SYSCTL_FILE_NAME}
        </button>
        <button type="button" onClick={() => copyLink(shareLink(validRaw))}>
          Copy link
        </button>
        <span className="copy-status" role="status" aria-live="polite">
          {statusText(copyStatus, "Config copied to the clipboard.", "the config is selected, press Ctrl+C.")}
          {statusText(linkStatus, "Link copied: it reproduces every input.", "copy the address bar instead.")}
        </span>
      </div>
      <pre
        ref={snippet}
        className="snippet"
        data-testid="sysctl-snippet"
        tabIndex={0}
        aria-label="sysctl.conf snippet"
      >
        {config}
      </pre>
    </section>
  );
}

function statusText(status: CopyStatus, copied: string, fallback: string): string {
  if (status === "copied") return `✓ ${copied} `;
  if (status === "failed") return `Could not reach the clipboard: ${fallback} `;
  return "";
}
