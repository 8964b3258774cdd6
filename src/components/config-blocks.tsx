import { useRef } from "react";
import { SETUP_SCRIPT_NAME, SYSCTL_FILE_NAME, type ConfigFileId } from "../domain/config/config-files";
import { useMessages } from "../store/messages";
import { useCalcStore, useSizing } from "../store/calc-store";
import { useConfigFiles } from "../store/config";
import { shareLink } from "../store/link";
import { CopyStatusText } from "./copy-status";
import { useCopy } from "./use-copy";

const TEST_IDS: Readonly<Record<ConfigFileId, string>> = {
  sysctl: "sysctl-snippet",
  "modules-load": "modules-load-snippet",
  modprobe: "modprobe-snippet",
  apply: "apply-commands",
};

export function ConfigBlocks() {
  const { t } = useMessages();
  const { files, script } = useConfigFiles();
  const { validRaw } = useSizing();
  const lang = useCalcStore((state) => state.lang);
  const [linkStatus, copyLink] = useCopy();
  const sysctl = files.find((file) => file.id === "sysctl");

  return (
    <section className="config" aria-labelledby="config-heading">
      <h2 id="config-heading">{t.config.heading}</h2>
      <div className="actions">
        <button type="button" onClick={() => download(script, SETUP_SCRIPT_NAME)}>
          {t.config.downloadAll({ name: SETUP_SCRIPT_NAME })}
        </button>
        {sysctl && (
          <button type="button" onClick={() => download(sysctl.text, SYSCTL_FILE_NAME)}>
            {t.config.download({ name: SYSCTL_FILE_NAME })}
          </button>
        )}
        <button type="button" onClick={() => copyLink(shareLink(validRaw, lang))}>
          {t.config.copyLink}
        </button>
        <CopyStatusText status={linkStatus} copied={t.config.linkCopied} failed={t.config.copyFailedLink} />
      </div>
      <p className="block-why">{t.config.commentsNote}</p>
      <div className="blocks">
        {files.map((file) => (
          <ConfigBlock key={file.id} id={file.id} path={file.path} text={file.text} />
        ))}
      </div>
    </section>
  );
}

function ConfigBlock({ id, path, text }: { id: ConfigFileId; path: string | null; text: string }) {
  const { t } = useMessages();
  const block = t.config.blocks[id];
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
          {t.config.copy}
        </button>
      </div>
      <p className="block-why">{block.why}</p>
      <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
      <pre ref={pre} className="snippet" data-testid={TEST_IDS[id]} tabIndex={0} aria-labelledby={headingId}>
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
