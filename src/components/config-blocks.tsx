import { useRef } from "react";
import { SETUP_SCRIPT_NAME, SYSCTL_FILE_NAME, type ConfigFileId } from "../domain/config-files";
import { useSizing } from "../store/calc-store";
import { useConfigFiles } from "../store/config";
import { shareLink } from "../store/link";
import { useCopy, type CopyStatus } from "./use-copy";

const BLOCKS: Readonly<Record<ConfigFileId, { testId: string; title: string; why: string }>> = {
  sysctl: {
    testId: "sysctl-snippet",
    title: "sysctl.d drop-in",
    why: "The limits themselves, applied at every boot by systemd-sysctl.",
  },
  "modules-load": {
    testId: "modules-load-snippet",
    title: "Load the module at boot",
    why: "The keys exist only once the module is loaded; without this file they are skipped at boot.",
  },
  modprobe: {
    testId: "modprobe-snippet",
    title: "Table size at module load",
    why: "Sets the bucket count when the module loads: the way on older kernels, and at boot everywhere.",
  },
  apply: {
    testId: "apply-commands",
    title: "Apply now",
    why: "The same settings on the running host, without a reboot.",
  },
};

export function ConfigBlocks() {
  const { files, script } = useConfigFiles();
  const { validRaw } = useSizing();
  const [linkStatus, copyLink] = useCopy();
  const sysctl = files.find((file) => file.id === "sysctl");

  return (
    <section className="config" aria-labelledby="config-heading">
      <h2 id="config-heading">Config for this kernel</h2>
      <div className="actions">
        <button type="button" onClick={() => download(script, SETUP_SCRIPT_NAME)}>
          Download all ({SETUP_SCRIPT_NAME})
        </button>
        {sysctl && (
          <button type="button" onClick={() => download(sysctl.text, SYSCTL_FILE_NAME)}>
            Download {SYSCTL_FILE_NAME}
          </button>
        )}
        <button type="button" onClick={() => copyLink(shareLink(validRaw))}>
          Copy link
        </button>
        <span className="copy-status" role="status" aria-live="polite">
          {statusText(linkStatus, "Link copied: it reproduces every input.", "copy the address bar instead.")}
        </span>
      </div>
      <div className="blocks">
        {files.map((file) => (
          <ConfigBlock key={file.id} id={file.id} path={file.path} text={file.text} />
        ))}
      </div>
    </section>
  );
}

function ConfigBlock({ id, path, text }: { id: ConfigFileId; path: string | null; text: string }) {
  const block = BLOCKS[id];
  const pre = useRef<HTMLPreElement>(null);
  const [status, copy] = useCopy();
  const headingId = `block-${id}`;
  const selectText = () => {
    const selection = window.getSelection();
    if (pre.current && selection) selection.selectAllChildren(pre.current);
  };
  return (
    <section className="block" aria-labelledby={headingId}>
      <div className="block-header">
        <h3 id={headingId}>
          {block.title}
          {path && (
            <>
              : <code>{path}</code>
            </>
          )}
        </h3>
        <button type="button" onClick={() => copy(text, selectText)}>
          Copy
        </button>
      </div>
      <p className="block-why">{block.why}</p>
      <span className="copy-status" role="status" aria-live="polite">
        {statusText(status, "Copied to the clipboard.", "the text is selected, press Ctrl+C.")}
      </span>
      <pre ref={pre} className="snippet" data-testid={block.testId} tabIndex={0} aria-labelledby={headingId}>
        {text}
      </pre>
    </section>
  );
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function statusText(status: CopyStatus, copied: string, fallback: string): string {
  if (status === "copied") return `✓ ${copied}`;
  if (status === "failed") return `Could not reach the clipboard: ${fallback}`;
  return "";
}
