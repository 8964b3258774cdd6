import { useRef, type KeyboardEvent } from "react";
import { downloadName, SETUP_SCRIPT_NAME, SYSCTL_FILE_NAME } from "../domain/config/config-files";
import { useMessages } from "../store/messages";
import { useCalcStore, useSizing } from "../store/calc-store";
import { useConfigFiles } from "../store/config";
import { shareLink } from "../store/link";
import { chooseTab, useViewStore, type ConfigTab } from "../store/view";
import { CopyStatusText } from "./copy-status";
import { useCopy } from "./use-copy";

const TABS: readonly ConfigTab[] = ["sysctl", "modules-load", "modprobe", "apply", "script"];

const TEST_IDS: Readonly<Record<ConfigTab, string>> = {
  sysctl: "sysctl-snippet",
  "modules-load": "modules-load-snippet",
  modprobe: "modprobe-snippet",
  apply: "apply-commands",
  script: "setup-script",
};

interface Block {
  readonly id: ConfigTab;
  readonly title: string;
  readonly why: string;
  /** Where the file goes on the host; null for commands and the script. */
  readonly path: string | null;
  readonly text: string;
  /** Its own download button; null where the buttons above the tabs already download it. */
  readonly fileName: string | null;
}

/**
 * The config for this kernel as tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move
 * between tabs, selection follows focus), the one that matters most for the kernel first: the
 * sysctl.d drop-in, or the setup script where the bucket count also needs the module option. Every
 * panel stays in the page, hidden, so each block's text is there to read.
 */
export function ConfigBlocks() {
  const { t } = useMessages();
  const { files, script, first } = useConfigFiles();
  const { validRaw } = useSizing();
  const lang = useCalcStore((state) => state.lang);
  const chosen = useViewStore((state) => state.tab);
  const [linkStatus, copyLink] = useCopy();
  const tabs = useRef<Partial<Record<ConfigTab, HTMLButtonElement | null>>>({});
  const selected = chosen ?? first;
  const sysctl = files.find((file) => file.id === "sysctl");

  const blocks: Block[] = [
    ...files.map((file) => ({
      id: file.id,
      ...t.config.blocks[file.id],
      path: file.path,
      text: file.text,
      fileName: file.id === "sysctl" ? null : downloadName(file),
    })),
    { id: "script", ...t.config.script, path: null, text: script, fileName: null },
  ];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(selected);
    const next =
      event.key === "ArrowRight"
        ? TABS[(index + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    chooseTab(next);
    tabs.current[next]?.focus();
  };

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
      {first === "script" && chosen === null && <p className="block-why">{t.config.scriptFirst}</p>}
      <div className="tabs" role="tablist" aria-label={t.config.tabsLabel} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(button) => {
              tabs.current[id] = button;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={id === selected}
            aria-controls={`panel-${id}`}
            tabIndex={id === selected ? 0 : -1}
            className="tab"
            onClick={() => chooseTab(id)}
          >
            {t.config.tabs[id]}
          </button>
        ))}
      </div>
      {blocks.map((block) => (
        <div
          key={block.id}
          role="tabpanel"
          id={`panel-${block.id}`}
          aria-labelledby={`tab-${block.id}`}
          hidden={block.id !== selected}
          className="tab-panel"
        >
          <ConfigBlock block={block} />
        </div>
      ))}
      <p className="block-why">{t.config.commentsNote}</p>
    </section>
  );
}

function ConfigBlock({ block }: { block: Block }) {
  const { t } = useMessages();
  const pre = useRef<HTMLPreElement>(null);
  const [status, copy] = useCopy();
  const { fileName } = block;
  const headingId = `block-${block.id}`;
  const selectText = () => {
    const selection = window.getSelection();
    if (pre.current && selection) selection.selectAllChildren(pre.current);
  };
  return (
    <section className="block" aria-labelledby={headingId}>
      <div className="block-header">
        <h3 id={headingId}>
          {block.title}
          {block.path && (
            <>
              : <code>{block.path}</code>
            </>
          )}
        </h3>
        <div className="block-buttons">
          <button type="button" onClick={() => copy(block.text, selectText)}>
            {t.config.copy}
          </button>
          {fileName && (
            <button type="button" className="secondary" onClick={() => download(block.text, fileName)}>
              {t.config.download({ name: fileName })}
            </button>
          )}
        </div>
      </div>
      <p className="block-why">{block.why}</p>
      <CopyStatusText status={status} copied={t.config.copied} failed={t.config.copyFailedText} />
      <pre
        ref={pre}
        className="snippet"
        data-testid={TEST_IDS[block.id]}
        tabIndex={0}
        aria-labelledby={headingId}
      >
        {block.text}
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
